using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>What a matrix row acts on. Bát Tràng and Vạn Phúc are two villages with their own staff.</summary>
public enum Resource
{
    BatTrangCentre,
    BatTrangVillage,
    BatTrangExperience,
    VanPhucCentre,
    VanPhucExperience,
    Home,
    Article,
    BatTrangMedia,
    VanPhucMedia,
    SiteMedia,
    Users,
    Audit,
    Redirects,
    BatTrangProduct,
    VanPhucProduct,
}

public enum Act
{
    View,
    Save,
    Submit,
    Publish,
    Unpublish,
    Delete,
    Block,
    Schedule,
    ScheduleView,
    History,
    Rollback,
    Preview,
    CreateChild,
    Describe,
    Replace,
    Manage,
    CreateProduct,
    AddVariant,
    EditVariant,
    RemoveVariant,
    StockView,
    AdjustStock,
    CountStock,
}

public enum Expect
{
    /// <summary>The action happens (200, or 302 onwards) and has its effect.</summary>
    Allowed,

    /// <summary>In the user's scope but not their role: 403 (the denied page), nothing changes.</summary>
    Forbidden,

    /// <summary>Outside the user's scope: 404, as if it did not exist; nothing changes, nothing shown.</summary>
    NotFound,

    /// <summary>Not signed in: 302 to the sign-in page, nothing changes.</summary>
    SignIn,

    /// <summary>Allowed to the user but refused by a content rule (a root or a page with children): a message, nothing changes.</summary>
    Refused,
}

/// <summary>
/// The expected answer of every role × resource × action, as tables a reviewer can read line by line.
/// A = allowed, F = forbidden (403), N = not found (404), S = sign-in, R = refused by a content rule, - = no such
/// action (for anyone). "*" stands for every resource of the table; a later line overrides it.
/// </summary>
public static class AccessMatrix
{
    public const string Anonymous = "Anonymous";

    public static readonly IReadOnlyDictionary<string, string> Emails = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Admin"] = BackofficeSite.Admin,
        ["BatTrangEditor"] = BackofficeSite.BatTrangEditor,
        ["BatTrangPublisher"] = BackofficeSite.BatTrangPublisher,
        ["VanPhucEditor"] = BackofficeSite.VanPhucEditor,
        ["EnglishTranslator"] = BackofficeSite.EnglishTranslator,
    };

    private const string Documents = """
        Role               Resource            View Save Submit Publish Unpublish Delete Block Schedule ScheduleView History Rollback Preview CreateChild
        Anonymous          *                   S    S    S      S       S         S      S     S        S            S       S        S       S
        Admin              BatTrangCentre      A    A    A      A       A         A      A     A        A            A       A        A       N
        Admin              BatTrangVillage     A    A    A      A       A         R      A     A        A            A       A        A       A
        Admin              BatTrangExperience  A    A    A      A       A         A      A     A        A            A       A        A       N
        Admin              VanPhucCentre       A    A    A      A       A         A      A     A        A            A       A        A       N
        Admin              VanPhucExperience   A    A    A      A       A         A      A     A        A            A       A        A       N
        Admin              Home                A    A    A      A       R         R      A     A        A            A       A        A       A
        Admin              Article             A    A    A      A       A         A      A     A        A            A       A        A       N
        BatTrangPublisher  *                   N    N    N      N       N         N      N     N        N            N       N        N       N
        BatTrangPublisher  BatTrangCentre      A    A    A      A       A         F      A     A        A            A       A        A       N
        BatTrangPublisher  BatTrangVillage     A    A    A      A       A         F      A     A        A            A       A        A       A
        BatTrangPublisher  BatTrangExperience  A    A    A      A       A         A      A     A        A            A       A        A       N
        BatTrangEditor     *                   N    N    N      N       N         N      N     N        N            N       N        N       N
        BatTrangEditor     BatTrangCentre      A    A    A      F       F         F      A     F        A            A       A        A       N
        BatTrangEditor     BatTrangVillage     A    A    A      F       F         F      A     F        A            A       A        A       A
        BatTrangEditor     BatTrangExperience  A    A    A      F       F         A      A     F        A            A       A        A       N
        VanPhucEditor      *                   N    N    N      N       N         N      N     N        N            N       N        N       N
        VanPhucEditor      VanPhucCentre       A    A    A      F       F         F      A     F        A            A       A        A       N
        VanPhucEditor      VanPhucExperience   A    A    A      F       F         A      A     F        A            A       A        A       N
        EnglishTranslator  *                   A    A    A      F       F         F      A     F        A            A       F        A       N
        """;

    private const string Media = """
        Role               Resource            View Describe Replace Delete
        Anonymous          *                   S    S        S       S
        Admin              *                   A    A        A       A
        BatTrangPublisher  *                   N    N        N       N
        BatTrangPublisher  BatTrangMedia       A    A        A       A
        BatTrangEditor     *                   N    N        N       N
        BatTrangEditor     BatTrangMedia       A    A        A       A
        VanPhucEditor      *                   N    N        N       N
        VanPhucEditor      VanPhucMedia        A    A        A       A
        EnglishTranslator  *                   N    N        N       N
        """;

    private const string Administration = """
        Role               Resource            View Manage
        Anonymous          *                   S    S
        Admin              Users               A    A
        Admin              Audit               A    -
        Admin              Redirects           A    A
        BatTrangPublisher  *                   F    F
        BatTrangEditor     *                   F    F
        VanPhucEditor      *                   F    F
        EnglishTranslator  *                   F    F
        """;

    /// <summary>
    /// Products follow their village: its editors and publishers manage them, a translator changes English texts
    /// (product and variant) and nothing else, anyone else finds nothing. CreateProduct posts the row's village.
    /// </summary>
    private const string Products = """
        Role               Resource            View Save Delete CreateProduct AddVariant EditVariant RemoveVariant StockView AdjustStock CountStock
        Anonymous          *                   S    S    S      S             S          S           S             S         S           S
        Admin              *                   A    A    A      A             A          A           A             A         A           A
        BatTrangPublisher  *                   N    N    N      N             N          N           N             N         N           N
        BatTrangPublisher  BatTrangProduct     A    A    A      A             A          A           A             A         A           A
        BatTrangEditor     *                   N    N    N      N             N          N           N             N         N           N
        BatTrangEditor     BatTrangProduct     A    A    A      A             A          A           A             A         A           A
        VanPhucEditor      *                   N    N    N      N             N          N           N             N         N           N
        VanPhucEditor      VanPhucProduct      A    A    A      A             A          A           A             A         A           A
        EnglishTranslator  *                   A    A    F      F             F          A           F             F         F           F
        """;

    private static readonly Resource[] ProductResources = [Resource.BatTrangProduct, Resource.VanPhucProduct];

    private static readonly Resource[] DocumentResources =
        [Resource.BatTrangCentre, Resource.BatTrangVillage, Resource.BatTrangExperience, Resource.VanPhucCentre, Resource.VanPhucExperience, Resource.Home, Resource.Article];

    private static readonly Resource[] MediaResources = [Resource.BatTrangMedia, Resource.VanPhucMedia, Resource.SiteMedia];

    private static readonly Resource[] AdministrationResources = [Resource.Users, Resource.Audit, Resource.Redirects];

    public static bool IsDocument(Resource resource) => DocumentResources.Contains(resource);

    public static bool IsMedia(Resource resource) => MediaResources.Contains(resource);

    public static bool IsProduct(Resource resource) => ProductResources.Contains(resource);

    public static TheoryData<string, Resource, Act, Expect> Cases()
    {
        var expected = new Dictionary<(string, Resource, Act), Expect>();
        var notApplicable = new HashSet<(Resource, Act)>();
        Read(Documents, DocumentResources, expected, notApplicable);
        Read(Media, MediaResources, expected, notApplicable);
        Read(Administration, AdministrationResources, expected, notApplicable);
        Read(Products, ProductResources, expected, notApplicable);
        var data = new TheoryData<string, Resource, Act, Expect>();
        foreach (var ((role, resource, action), expect) in expected.Where(e => !notApplicable.Contains((e.Key.Item2, e.Key.Item3))))
        {
            data.Add(role, resource, action, expect);
        }

        return data;
    }

    private static void Read(string table, Resource[] resources, Dictionary<(string, Resource, Act), Expect> expected, HashSet<(Resource, Act)> notApplicable)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actions = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..].Select(Enum.Parse<Act>).ToArray();
        foreach (var line in lines[1..])
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells[0] != Anonymous && !Emails.ContainsKey(cells[0]))
            {
                throw new InvalidOperationException($"Unknown role in the access matrix: {line}");
            }

            if (cells.Length != actions.Length + 2)
            {
                throw new InvalidOperationException($"Access matrix line has {cells.Length - 2} answers for {actions.Length} actions: {line}");
            }

            var targets = cells[1] == "*" ? resources : [Enum.Parse<Resource>(cells[1])];
            for (var i = 0; i < actions.Length; i++)
            {
                foreach (var resource in targets)
                {
                    if (cells[i + 2] == "-")
                    {
                        notApplicable.Add((resource, actions[i]));
                    }
                    else
                    {
                        expected[(cells[0], resource, actions[i])] = Letter(cells[i + 2]);
                    }
                }
            }
        }
    }

    private static Expect Letter(string letter) => letter switch
    {
        "A" => Expect.Allowed,
        "F" => Expect.Forbidden,
        "N" => Expect.NotFound,
        "S" => Expect.SignIn,
        "R" => Expect.Refused,
        _ => throw new InvalidOperationException($"Unknown answer '{letter}' in the access matrix."),
    };
}
