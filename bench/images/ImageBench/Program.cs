using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NetVips;

// bench/images driver:
//   prepare <seed-dir> <count>                 writes <count> distinct 4000×3000 JPEGs (+ sidecars) into <seed-dir>/site/media
//   first <base-url> <data-dir> <seed-dir> <n> first transform to an 800-px WebP: our endpoint vs raw NetVips, n images each
//   burst <base-url> <seed-dir> <from> <n>     n concurrent first transforms of different images; prints the site's peak RSS
//   id <seed-dir> <index>                       prints the media id of one prepared image
NetVips.Cache.Max = 0;
var culture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "prepare":
        Prepare(args[1], int.Parse(args[2], culture));
        break;
    case "first":
        await FirstAsync(args[1], args[2], args[3], int.Parse(args[4], culture));
        break;
    case "burst":
        await BurstAsync(args[1], args[2], int.Parse(args[3], culture), int.Parse(args[4], culture), int.Parse(args[5], culture));
        break;
    case "id":
        Console.WriteLine(Id(ImagePath(args[1], int.Parse(args[2], culture))));
        break;
    default:
        Console.Error.WriteLine("usage: prepare | first | burst | id (see the comment at the top of Program.cs)");
        return 2;
}

return 0;

static string ImagePath(string seed, int index) => Path.Combine(seed, "site", "media", $"bench-{index:D2}.jpg");

static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

static string Id(string path) => Hash(path)[..32];

static Image MultiScale(int width, int height, int seed)
{
    Image? sum = null;
    var scale = 1;
    for (var octave = 0; octave < 6; octave++, scale *= 4)
    {
        var w = Math.Max(8, width / scale);
        var h = Math.Max(8, height / scale);
        using var noise = Image.Gaussnoise(w, h, sigma: 18, seed: seed + octave).Bandjoin(
            Image.Gaussnoise(w, h, sigma: 18, seed: seed + octave + 100), Image.Gaussnoise(w, h, sigma: 18, seed: seed + octave + 200));
        var layer = noise.Resize((double)width / w, vscale: (double)height / h, kernel: Enums.Kernel.Cubic).Crop(0, 0, width, height);
        var next = sum is null ? layer : sum + layer;
        sum?.Dispose();
        sum = next;
    }

    using var total = sum!;
    using var shifted = ((total - (128 * 6)) / 2.5) + 128;
    return shifted.Cast(Enums.BandFormat.Uchar);
}

static void Prepare(string seed, int count)
{
    var media = Path.Combine(seed, "site", "media");
    Directory.CreateDirectory(media);
    for (var i = 0; i < count; i++)
    {
        // A photo-like 4000×3000 picture: noise at several scales gives detail at every size, as photographs
        // have (plain pixel noise would average away when shrunk and flatter the encoders).
        using var photo = MultiScale(4000, 3000, seed: i * 10);
        photo.Jpegsave(ImagePath(seed, i), q: 90);
        File.WriteAllText(Path.ChangeExtension(ImagePath(seed, i), ".yml"),
            "alt: { vi: \"Ảnh thử hiệu năng\", en: \"Benchmark image\" }\ncredit: benchmark\nlicence: CC0\n");
    }
}

static async Task FirstAsync(string baseUrl, string dataDir, string seed, int n)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var endpoint = new List<double>();
    var raw = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var path = ImagePath(seed, i);
        var hash = Hash(path);
        var master = Path.Combine(dataDir, "media", "originals", hash[..2], $"{hash}.jpg");

        // Raw libvips: the same master, the same 800-px WebP (same encoder settings as the site).
        var watch = Stopwatch.StartNew();
        using (var thumbnail = Image.Thumbnail(master, 800, height: 600, size: Enums.Size.Down))
        {
            _ = thumbnail.WebpsaveBuffer(q: 80, effort: 4, keep: Enums.ForeignKeep.None);
        }

        raw.Add(watch.Elapsed.TotalMilliseconds);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{hash[..32]}/gallery/800");
        request.Headers.Accept.ParseAdd("image/webp");
        watch.Restart();
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        endpoint.Add(watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode || bytes.Length < 1000)
        {
            throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode}");
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Median(endpoint):F1} {Median(raw):F1} {string.Join(',', endpoint.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} {string.Join(',', raw.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}"));
}

static async Task BurstAsync(string baseUrl, string seed, int from, int n, int pid)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    var baseline = Rss(pid, "VmRSS");
    var watch = Stopwatch.StartNew();
    var peak = baseline;
    using var sampler = new CancellationTokenSource();
    var sampling = Task.Run(async () =>
    {
        while (!sampler.IsCancellationRequested)
        {
            peak = Math.Max(peak, Rss(pid, "VmRSS"));
            await Task.Delay(5);
        }
    });
    var requests = Enumerable.Range(from, n).Select(async i =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{Id(ImagePath(seed, i))}/gallery/800");
        request.Headers.Accept.ParseAdd("image/webp");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    });
    await Task.WhenAll(requests);
    await sampler.CancelAsync();
    await sampling;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{baseline / 1024.0:F0} {Math.Max(peak, Rss(pid, "VmHWM")) / 1024.0:F0} {watch.Elapsed.TotalMilliseconds:F0}"));
}

static long Rss(int pid, string field) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
