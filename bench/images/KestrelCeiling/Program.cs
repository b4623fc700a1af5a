// Serves each file given on the command line at /0, /1, … from memory, with nothing else in the pipeline.
// Usage: KestrelCeiling <url> <file>...
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
for (var i = 1; i < args.Length; i++)
{
    var bytes = File.ReadAllBytes(args[i]);
    app.MapGet($"/{i - 1}", () => Results.Bytes(bytes, "image/webp"));
}

app.Run(args[0]);
