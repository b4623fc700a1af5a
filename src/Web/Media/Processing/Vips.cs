namespace VillageCraftPortal.Web.Media.Processing;

/// <summary>
/// libvips settings for a server that decodes untrusted files: only the five loaders we accept are allowed (no
/// SVG, PDF, ImageMagick…), and libvips' operation cache is kept small so memory stays bounded.
/// </summary>
public static class Vips
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    public static void Configure()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            NetVips.NetVips.BlockUntrusted = true;
            NetVips.Operation.Block("VipsForeignLoad", true);
            foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif", "VipsForeignLoadHeif" })
            {
                NetVips.Operation.Block(loader, false);
            }

            NetVips.Cache.Max = 0;
            NetVips.Cache.MaxFiles = 0;
            NetVips.Cache.MaxMem = 0;
            _configured = true;
        }
    }
}
