namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>Moving, removing and adding blocks in a draft list (the no-JavaScript path of the block editor).</summary>
public static class BlockActions
{
    public static void Apply(List<BlockDraft> drafts, string op, int? index, string addType)
    {
        switch (op)
        {
            case "up" when index is > 0 && index < drafts.Count:
                (drafts[index.Value - 1], drafts[index.Value]) = (drafts[index.Value], drafts[index.Value - 1]);
                break;
            case "down" when index is { } i && i >= 0 && i < drafts.Count - 1:
                (drafts[i + 1], drafts[i]) = (drafts[i], drafts[i + 1]);
                break;
            case "remove" when index is { } i && i >= 0 && i < drafts.Count:
                drafts.RemoveAt(i);
                break;
            case "add" when BlockFields.Types.Contains(addType):
                drafts.Add(BlockDraft.Empty(addType));
                break;
        }
    }
}
