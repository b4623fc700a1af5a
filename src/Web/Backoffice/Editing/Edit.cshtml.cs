using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>
/// The edit screen of one document: a form generated from its type, then save, submit for review, publish, send
/// back, unpublish or schedule. Anything outside the user's villages is "not found"; an action their role does not
/// allow is forbidden before anything is written.
/// </summary>
public sealed class EditModel(DocumentEditing editing, ContentFormReader reader, EditorChoiceLoader choiceLoader, UiTexts texts) : PageModel
{
    public EditContext Context { get; private set; } = null!;

    public ContentForm Form { get; private set; } = null!;

    public EditorChoices Choices { get; private set; } = EditorChoices.None;

    public string? Notice { get; private set; }

    public bool Conflict { get; private set; }

    /// <summary>Required values the draft still lacks: it saves, but cannot be published until they are filled in.</summary>
    public IReadOnlyList<ValidationProblem> MissingForPublishing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        await ShowAsync(context, null, [], cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, int expectedVersion, CancellationToken cancellationToken) =>
        SaveThenAsync(id, expectedVersion, (_, _) => Task.FromResult<string?>("bo.edit.saved"), cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, int expectedVersion, string? note, CancellationToken cancellationToken) =>
        SaveThenAsync(id, expectedVersion, async (context, ct) => await editing.SubmitAsync(context, note, ct) ? "bo.edit.submitted" : null, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, int expectedVersion, CancellationToken cancellationToken) =>
        SaveThenAsync(id, expectedVersion, async (context, ct) => (await editing.PublishAsync(context, ct)) switch
        {
            null => "bo.edit.notAllowed",
            { Succeeded: true } => "bo.edit.published",
            { Status: ContentOperationStatus.ParentNotPublished } => "bo.edit.parentNotPublished",
            var failed => $"bo.edit.publishFailed.{failed.Status}",
        }, cancellationToken, editing.CanPublish);

    public async Task<IActionResult> OnPostReturnAsync(int id, string? comment, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (!editing.CanPublish(context))
        {
            return Forbid();
        }

        var done = !string.IsNullOrWhiteSpace(comment) && await editing.ReturnAsync(context, comment, cancellationToken);
        return Done(id, done ? "bo.edit.returned" : "bo.edit.returnNeedsComment");
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (!editing.CanPublish(context))
        {
            return Forbid();
        }

        var result = await editing.UnpublishAsync(context, cancellationToken);
        return Done(id, result?.Succeeded == true ? "bo.edit.unpublished" : "bo.edit.notAllowed");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (!editing.MayDelete(context))
        {
            return Forbid();
        }

        var result = await editing.DeleteAsync(context, cancellationToken);
        if (result?.Succeeded != true)
        {
            return Done(id, result?.Status == ContentOperationStatus.HasChildren ? "bo.edit.hasChildren" : "bo.edit.notAllowed");
        }

        TempData["Message"] = texts.Get(SiteCulture.Current, "bo.edit.deleted");
        return RedirectToPage("/Backoffice/Editing/Tree");
    }

    public bool CanDelete => editing.CanDelete(Context);

    /// <summary>Block actions without JavaScript: move, remove or add a block and show the form again, unsaved.</summary>
    public async Task<IActionResult> OnPostBlockAsync(int id, string field, string culture, int? index, string op, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context || context.Type.Find(field) is not { Editor: var e } property || e != PropertyEditors.Blocks)
        {
            return NotFound();
        }

        await ShowAsync(context, Request.Form, [], cancellationToken);
        var drafts = BlockDraft.For(Form, property, culture);
        BlockActions.Apply(drafts, op, index, Request.Form[$"add.{field}.{culture}"].ToString());
        Form.BlockOverrides[(field, culture)] = drafts;
        Notice = "bo.edit.unsaved";
        return Page();
    }

    /// <param name="allowed">What the user's role needs for the action after the save; checked before saving.</param>
    private async Task<IActionResult> SaveThenAsync(
        int id, int expectedVersion, Func<EditContext, CancellationToken, Task<string?>> then, CancellationToken cancellationToken, Func<EditContext, bool>? allowed = null)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (allowed?.Invoke(context) == false)
        {
            return Forbid();
        }

        var (values, problems) = reader.Read(context.Type, Request.Form, context.Values, culture => editing.CanEdit(context, culture));
        problems.AddRange(ContentValidator.Validate(context.Type, values, ValidationLevel.Draft));
        var result = problems.Count == 0 ? await editing.SaveAsync(context, values, expectedVersion, cancellationToken) : null;
        if (result is null || !result.Succeeded)
        {
            Conflict = result?.Status == ContentOperationStatus.ConcurrencyConflict;
            await ShowAsync(context, Request.Form, result?.Problems ?? problems, cancellationToken);
            Notice = Conflict ? "bo.edit.conflict" : "bo.edit.invalid";
            Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var reloaded = await editing.LoadAsync(id, cancellationToken);
        return Done(id, reloaded is null ? "bo.edit.saved" : await then(reloaded, cancellationToken) ?? "bo.edit.notAllowed");
    }

    private RedirectToPageResult Done(int id, string messageKey)
    {
        TempData["Message"] = texts.Get(SiteCulture.Current, messageKey);
        return RedirectToPage(new { id });
    }

    private async Task ShowAsync(EditContext context, IFormCollection? posted, IReadOnlyList<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        Context = context;
        Form = new ContentForm(context.Type, context.Values, culture => editing.CanEdit(context, culture), problems, posted);
        MissingForPublishing = [.. ContentValidator.Validate(context.Type, context.Values).Where(p => p.MessageKey == "validation.required")];
        Choices = await choiceLoader.LoadAsync(context.Village, context.Values, SiteCulture.Current, cancellationToken);
    }
}
