using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using VillageCraftPortal.Web.Infrastructure;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// How far the index has come: the version of the published snapshot its pages come from. (Catalogue changes need no
/// cursor: their outbox rows are deleted once applied.)
/// </summary>
public sealed record IndexCursors(long Content)
{
    public static readonly IndexCursors None = new(-1);
}

/// <summary>
/// The index on disk under DataDir/search, both cultures in one index. Each full build is a new generation in its own
/// folder; the file <c>current</c> names the live one. A rebuild fills a new generation beside the live one, which
/// keeps answering, and then swaps: the pointer is replaced atomically and the old generation is closed and deleted
/// once its last search has finished. Each commit records its <see cref="IndexCursors"/>, so after a restart the
/// indexer carries on from where the index on disk stops.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>Raised when the fields or their analysis change: an index of another schema is rebuilt at start.</summary>
    public const string Schema = "2";

    private const string PointerFile = "current";
    private readonly string _root;
    private readonly ILogger<SearchIndex> _logger;
    private readonly System.Threading.Lock _swap = new();
    private IndexGeneration? _live;

    public SearchIndex(DataDirectory data, ILogger<SearchIndex> logger)
        : this(data.SearchIndex, logger)
    {
    }

    public SearchIndex(string root, ILogger<SearchIndex> logger)
    {
        _root = root;
        _logger = logger;
        System.IO.Directory.CreateDirectory(_root);
    }

    public bool IsOpen => _live is not null;

    /// <summary>True once the live generation has a current schema (an empty or stale one waits for a rebuild).</summary>
    public bool IsCurrent => _live is { SchemaMatches: true };

    public IndexCursors Cursors => _live?.Cursors ?? IndexCursors.None;

    /// <summary>The live generation's folder name.</summary>
    public string? Generation => _live?.Name;

    public int DocumentCount => _live is { } live ? live.Writer.NumDocs : 0;

    /// <summary>Opens the generation the pointer names (or a new empty one), unless it is already live.</summary>
    public void OpenCurrent()
    {
        var name = ReadPointer();
        lock (_swap)
        {
            if (name is not null && _live?.Name == name)
            {
                return;
            }

            IndexGeneration opened;
            if (name is not null && System.IO.Directory.Exists(Path.Combine(_root, name)))
            {
                opened = IndexGeneration.Open(_root, name);
            }
            else
            {
                opened = IndexGeneration.Open(_root, NewName());
                opened.Commit(IndexCursors.None);
                WritePointer(_root, opened.Name);
            }

            Interlocked.Exchange(ref _live, opened)?.Retire();
            LogOpened(_logger, opened.Name, opened.Writer.NumDocs, opened.Cursors.Content);
        }

        DeleteStaleGenerations();
    }

    /// <summary>Adds or replaces the given documents, removes the given keys, and commits the new cursors.</summary>
    public void Apply(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<string> deletes, IndexCursors cursors)
    {
        var live = _live ?? throw new InvalidOperationException("The search index is not open.");
        foreach (var key in deletes)
        {
            live.Writer.DeleteDocuments(new Term(SearchFields.Key, key));
        }

        foreach (var document in upserts)
        {
            live.Writer.UpdateDocument(new Term(SearchFields.Key, document.Key), document.ToLucene());
        }

        // Searches see the change as soon as the reader reopens on the writer (near-real-time), before the commit's
        // fsync; the commit then makes it durable with its cursor.
        live.Searchers.MaybeRefreshBlocking();
        live.Commit(cursors);
    }

    /// <summary>
    /// Builds a new generation from all documents, beside the live one, and swaps it in. Searches keep using the old
    /// generation until the swap and are never interrupted.
    /// </summary>
    public void Rebuild(IEnumerable<SearchDocument> documents, IndexCursors cursors)
    {
        var built = Build(_root, NewName(), documents, cursors);
        lock (_swap)
        {
            WritePointer(_root, built.Name);
            Interlocked.Exchange(ref _live, built)?.Retire();
        }

        LogRebuilt(_logger, built.Name, built.Writer.NumDocs);
        DeleteStaleGenerations();
    }

    /// <summary>
    /// Builds a new generation and points the site at it without opening it here; a running site follows the pointer.
    /// For the command line, which must not hold a writer the site will need.
    /// </summary>
    public static string BuildAndPoint(string root, IEnumerable<SearchDocument> documents, IndexCursors cursors)
    {
        System.IO.Directory.CreateDirectory(root);
        var name = NewName();
        using (var built = Build(root, name, documents, cursors))
        {
        }

        WritePointer(root, name);
        return name;
    }

    /// <summary>Runs a search on the live generation; the generation stays open until it returns.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        while (true)
        {
            var live = _live ?? throw new InvalidOperationException("The search index is not open.");
            if (!live.TryEnter())
            {
                continue; // Swapped out just now: take the new one.
            }

            try
            {
                var searcher = live.Searchers.Acquire();
                try
                {
                    return search(searcher);
                }
                finally
                {
                    live.Searchers.Release(searcher);
                }
            }
            finally
            {
                live.Exit();
            }
        }
    }

    /// <summary>Closes the live generation and keeps it on disk for the next start.</summary>
    public void Dispose()
    {
        lock (_swap)
        {
            Interlocked.Exchange(ref _live, null)?.Dispose();
        }
    }

    private static IndexGeneration Build(string root, string name, IEnumerable<SearchDocument> documents, IndexCursors cursors)
    {
        var built = IndexGeneration.Open(root, name);
        try
        {
            foreach (var document in documents)
            {
                built.Writer.AddDocument(document.ToLucene());
            }

            // One segment: every search looks up each of its terms once per segment, and a full build is the one
            // moment when merging costs nobody a wait (later changes add small segments, merged as usual).
            built.Writer.ForceMerge(1);
            built.Commit(cursors);
            built.Searchers.MaybeRefreshBlocking();
            return built;
        }
        catch
        {
            built.Dispose();
            DeleteQuietly(Path.Combine(root, name));
            throw;
        }
    }

    private static string NewName() => "g" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture);

    private string? ReadPointer()
    {
        var path = Path.Combine(_root, PointerFile);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Replaces the pointer atomically: written beside it, then moved over it.</summary>
    private static void WritePointer(string root, string name)
    {
        var temp = Path.Combine(root, PointerFile + ".tmp");
        File.WriteAllText(temp, name);
        File.Move(temp, Path.Combine(root, PointerFile), overwrite: true);
    }

    /// <summary>Removes generations that are neither live nor named by the pointer (left by a crash).</summary>
    private void DeleteStaleGenerations()
    {
        var keep = new HashSet<string?>(StringComparer.Ordinal) { _live?.Name, ReadPointer() };
        foreach (var dir in new DirectoryInfo(_root).EnumerateDirectories("g*"))
        {
            // A young folder may be a build still under way in another process (the rebuild command).
            if (!keep.Contains(dir.Name) && dir.CreationTimeUtc < DateTime.UtcNow.AddMinutes(-10))
            {
                DeleteQuietly(dir.FullName);
            }
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere (a search on a retired generation); the next clean-up takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {Generation} open: {Count} documents, content {Content}")]
    private static partial void LogOpened(ILogger logger, string generation, int count, long content);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt as {Generation} with {Count} documents")]
    private static partial void LogRebuilt(ILogger logger, string generation, int count);
}
