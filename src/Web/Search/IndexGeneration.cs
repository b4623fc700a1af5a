using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// One index generation: its folder, its writer and its near-real-time searchers. Searches enter and exit it; once
/// retired (swapped out) it closes and deletes its folder when the last search has left.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    private const string SchemaKey = "schema";
    private const string ContentKey = "content";

    private int _active;
    private int _retired;
    private int _disposed;

    private IndexGeneration(string name, string path, FSDirectory directory, IndexWriter writer)
    {
        Name = name;
        Path = path;
        Directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new SearchWarmer());
        var data = writer.CommitData;
        SchemaMatches = data.TryGetValue(SchemaKey, out var schema) && schema == SearchIndex.Schema;
        Cursors = SchemaMatches
            ? new IndexCursors(long.Parse(data[ContentKey], System.Globalization.CultureInfo.InvariantCulture))
            : IndexCursors.None;
    }

    public string Name { get; }

    public string Path { get; }

    public FSDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    public bool SchemaMatches { get; private set; }

    public IndexCursors Cursors { get; private set; }

    public static IndexGeneration Open(string root, string name)
    {
        var path = System.IO.Path.Combine(root, name);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
            };
            return new IndexGeneration(name, path, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Commit(IndexCursors cursors)
    {
        Writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SearchIndex.Schema,
            [ContentKey] = cursors.Content.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Writer.Commit();
        Cursors = cursors;
        SchemaMatches = true;
    }

    public bool TryEnter()
    {
        Interlocked.Increment(ref _active);
        if (Volatile.Read(ref _retired) == 0)
        {
            return true;
        }

        Exit();
        return false;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _retired) == 1)
        {
            CloseAndDelete();
        }
    }

    public void Retire()
    {
        Volatile.Write(ref _retired, 1);
        if (Volatile.Read(ref _active) == 0)
        {
            CloseAndDelete();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    private void CloseAndDelete()
    {
        Dispose();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Another process still reads it; the next start-up's clean-up removes it.
        }
    }
}
