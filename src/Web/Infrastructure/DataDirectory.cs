namespace VillageCraftPortal.Web.Infrastructure;

/// <summary>
/// The one folder that holds all runtime state: database file, search index, media, image cache, mail pickup and logs.
/// Set by the <c>DataDir</c> setting (or environment variable); defaults to App_Data under the content root.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Database => Ensure("db");

    public string Media => Ensure("media");

    public string ImageCache => Ensure("cache/images");

    public string SearchIndex => Ensure("search");

    public string MailPickup => Ensure("mail");

    public string Logs => Ensure("logs");

    public static DataDirectory FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["DataDir"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(contentRoot, "App_Data")
            : Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured);
        return new DataDirectory(root);
    }

    private string Ensure(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(path);
        return path;
    }
}
