using System.Text;
using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Content.Versions;
using static VillageCraftPortal.Web.Content.Versions.SegmentKind;

namespace VillageCraftPortal.Site.Tests.Content;

public sealed class VersionDiffTests
{
    private const string Vi = Cultures.Vietnamese;
    private const string Any = Cultures.Invariant;

    private static readonly DocumentType Village = DocumentTypes.Get(DocumentTypes.Village);
    private static readonly DocumentType Centre = DocumentTypes.Get(DocumentTypes.DesignCentre);
    private static readonly Guid Kiln = Guid.Parse("0b5a6f4e-2f57-4d0c-9a51-6c1f3e2d7a10");
    private static readonly Dictionary<Guid, string> MediaNames = new() { [Kiln] = "Lò nung cổ" };

    [Fact]
    public void Equal_versions_have_no_changes()
    {
        var values = new ContentValues()
            .Set("name", Vi, "Bát Tràng").Set("name", Cultures.English, "Bat Trang")
            .Set("body", Vi, new List<Block> { new RichTextBlock("<p>Làng gốm</p>"), new ImageBlock(Kiln, "Lò nung") })
            .Set("location", Any, new GeoPoint(20.9764, 105.9126, Approximate: true));

        Assert.Empty(VersionDiff.Compare(Village, values, values.Clone()));
    }

    [Fact]
    public void A_one_word_change_in_Vietnamese_marks_exactly_that_word()
    {
        var older = new ContentValues().Set("summary", Vi, "Làng gốm Bát Tràng nằm bên bờ sông Hồng, cách Hà Nội khoảng 13 km.");
        var newer = new ContentValues().Set("summary", Vi, "Làng gốm Bát Tràng nằm cạnh bờ sông Hồng, cách Hà Nội khoảng 13 km.");

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.Equal(("summary", Vi, ChangeKind.Changed), (change.Alias, change.Culture, change.Kind));
        Assert.Equal(
            [new(Unchanged, "Làng gốm Bát Tràng nằm "), new(Deleted, "bên"), new(Inserted, "cạnh"), new(Unchanged, " bờ sông Hồng, cách Hà Nội khoảng 13 km.")],
            change.Segments);
        Assert.Equal(DiffGranularity.Words, change.Granularity);
    }

    [Fact]
    public void A_changed_diacritic_marks_the_whole_word_even_when_one_version_stored_decomposed_letters()
    {
        var older = new ContentValues().Set("summary", Vi, "Thuyền đỗ ở bên sông Hồng.".Normalize(NormalizationForm.FormD));
        var newer = new ContentValues().Set("summary", Vi, "Thuyền đỗ ở bến sông Hồng.");

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.Equal(
            [new(Unchanged, "Thuyền đỗ ở "), new(Deleted, "bên"), new(Inserted, "bến"), new(Unchanged, " sông Hồng.")],
            change.Segments);
    }

    [Fact]
    public void A_rewritten_phrase_reads_as_one_replacement_not_word_by_word()
    {
        var older = new ContentValues().Set("seasons", Vi, "Mở cửa từ thứ Hai đến thứ Sáu.");
        var newer = new ContentValues().Set("seasons", Vi, "Mở cửa từ thứ Ba đến Chủ nhật.");

        var change = Assert.Single(VersionDiff.Compare(DocumentTypes.Get(DocumentTypes.Experience), older, newer));

        Assert.Equal(
            [new(Unchanged, "Mở cửa từ thứ "), new(Deleted, "Hai"), new(Inserted, "Ba"), new(Unchanged, " đến "), new(Deleted, "thứ Sáu"), new(Inserted, "Chủ nhật"), new(Unchanged, ".")],
            change.Segments);
    }

    [Fact]
    public void Added_and_removed_cultures_and_properties_are_reported_in_the_types_order()
    {
        var older = new ContentValues().Set("summary", Vi, "Làng lụa").Set("notes", Vi, "Cần kiểm tra giờ mở cửa");
        var newer = new ContentValues().Set("summary", Vi, "Làng lụa").Set("summary", Cultures.English, "Silk village")
            .Set("heroImage", Any, Kiln);

        var changes = VersionDiff.Compare(Village, older, newer, MediaNames.GetValueOrDefault);

        Assert.Equal(
            [("summary", "en", ChangeKind.Added), ("heroImage", null, ChangeKind.Added), ("notes", "vi", ChangeKind.Removed)],
            changes.Select(c => (c.Alias, c.Culture, c.Kind)));
        Assert.Equal([new DiffSegment(Inserted, "Silk village")], changes[0].Segments);
        Assert.Equal([new DiffSegment(Inserted, "Lò nung cổ")], changes[1].Segments);
        Assert.Equal([new DiffSegment(Deleted, "Cần kiểm tra giờ mở cửa")], changes[2].Segments);
    }

    [Fact]
    public void Rich_text_changes_are_shown_as_text_not_tags()
    {
        var older = new ContentValues().Set("seasonsAndFestivals", Vi,
            "<p>Lễ hội làng vào <strong>tháng Giêng</strong>.</p><ul><li>Rước kiệu</li><li>Hát quan họ</li></ul>");
        var newer = new ContentValues().Set("seasonsAndFestivals", Vi,
            "<p>Lễ hội làng vào <strong>tháng Hai</strong>.</p><ul><li>Rước kiệu</li><li>Hát quan họ</li></ul>");

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.Equal("Lễ hội làng vào tháng Giêng.\n\n• Rước kiệu\n• Hát quan họ", change.OlderText());
        Assert.Equal([new(Deleted, "Giêng"), new(Inserted, "Hai")], change.Segments.Where(s => s.Kind != Unchanged));
        Assert.DoesNotContain(change.Segments, s => s.Text.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void A_formatting_only_change_is_reported_with_the_same_text()
    {
        var older = new ContentValues().Set("seasonsAndFestivals", Vi, "<p>Hội làng mùng 5 tháng Giêng.</p>");
        var newer = new ContentValues().Set("seasonsAndFestivals", Vi, "<p>Hội làng <em>mùng 5</em> tháng Giêng.</p>");

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.True(change.SameText);
        Assert.Equal([new DiffSegment(Unchanged, "Hội làng mùng 5 tháng Giêng.")], change.Segments);
    }

    [Fact]
    public void A_moved_block_shows_as_one_deletion_and_one_insertion_and_an_added_block_as_an_insertion()
    {
        Block intro = new RichTextBlock("<p>Bát Tràng làm gốm từ thế kỷ XIV.</p>");
        Block image = new ImageBlock(Kiln, "Lò bầu <em>cổ</em>");
        Block quote = new QuoteBlock("<p>Đất sét trắng là hồn của gốm.</p>", "Nghệ nhân Nguyễn Văn A");
        Block video = new VideoBlock(VideoBlock.YouTube, "dQw4w9WgXcQ", "Nặn gốm bằng tay");
        var older = new ContentValues().Set("body", Vi, new List<Block> { intro, image, quote });
        var newer = new ContentValues().Set("body", Vi, new List<Block> { image, intro, quote, video });

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer, MediaNames.GetValueOrDefault));

        const string Intro = "Bát Tràng làm gốm từ thế kỷ XIV.";
        const string Image = "[Image: Lò nung cổ] Lò bầu cổ";
        const string Quote = "[Quote] Đất sét trắng là hồn của gốm. — Nghệ nhân Nguyễn Văn A";
        const string Video = "[Video: Nặn gốm bằng tay] https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        Assert.Equal($"{Intro}\n\n{Image}\n\n{Quote}", change.OlderText());
        Assert.Equal($"{Image}\n\n{Intro}\n\n{Quote}\n\n{Video}", change.NewerText());

        // One of the two swapped blocks moves whole; the other and the quote stay unchanged.
        var deleted = Assert.Single(change.Segments, s => s.Kind == Deleted).Text.Trim();
        Assert.Contains(deleted, new[] { Intro, Image });
        Assert.Contains(change.Segments, s => s.Kind == Inserted && s.Text.Trim() == deleted);
        Assert.Contains(change.Segments, s => s.Kind == Inserted && s.Text.Trim() == Video);
        Assert.Contains(change.Segments, s => s.Kind == Unchanged && s.Text.Contains(Quote, StringComparison.Ordinal));
        Assert.Contains(change.Segments, s => s.Kind == Unchanged && s.Text.Contains(deleted == Intro ? Image : Intro, StringComparison.Ordinal));
    }

    [Fact]
    public void Changing_the_hours_of_one_weekday_marks_only_those_times()
    {
        var older = new ContentValues().Set("openingHours", Any, Hours(mondayClose: "17:00"));
        var newer = new ContentValues().Set("openingHours", Any, Hours(mondayClose: "16:30"));

        var change = Assert.Single(VersionDiff.Compare(Centre, older, newer));

        Assert.Equal(("openingHours", null), (change.Alias, change.Culture));
        Assert.Equal([new(Deleted, "17:00"), new(Inserted, "16:30")], change.Segments.Where(s => s.Kind != Unchanged));
        Assert.Equal(
            "Monday: 08:00-11:30, 13:30-16:30\nTuesday: 08:00-11:30, 13:30-17:00\nWednesday: 08:00-11:30, 13:30-17:00\n"
            + "Thursday: 08:00-11:30, 13:30-17:00\nFriday: 08:00-11:30, 13:30-17:00\nSaturday: 08:00-11:30\nSunday: closed\n"
            + "Public holidays: closed",
            change.NewerText());
    }

    [Fact]
    public void An_added_closure_is_one_inserted_line()
    {
        var tet = new HoursOverride(new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 10), true, [], new LocalizedText { ["vi"] = "Nghỉ Tết", ["en"] = "Tết holiday" });
        var older = new ContentValues().Set("openingHours", Any, Hours(mondayClose: "17:00"));
        var newer = new ContentValues().Set("openingHours", Any, Hours(mondayClose: "17:00", tet));

        var change = Assert.Single(VersionDiff.Compare(Centre, older, newer));

        Assert.Equal([new DiffSegment(Inserted, "\n2027-02-05 to 2027-02-10: closed — Nghỉ Tết / Tết holiday")], change.Segments.Where(s => s.Kind != Unchanged));
    }

    [Fact]
    public void Values_are_shown_in_words_a_person_reads()
    {
        var older = new ContentValues().Set("starRatingIllustrative", Any, false).Set("location", Any, new GeoPoint(21.0285, 105.8524))
            .Set("languages", Any, new[] { "Tiếng Việt", "English" });
        var newer = new ContentValues().Set("starRatingIllustrative", Any, true).Set("location", Any, new GeoPoint(21.0285, 105.8524, Approximate: true))
            .Set("languages", Any, new[] { "Tiếng Việt", "English", "日本語" }).Set("gallery", Any, new[] { Kiln });

        var changes = VersionDiff.Compare(Centre, older, newer, MediaNames.GetValueOrDefault);

        Assert.Equal("no → yes", Describe(changes.Single(c => c.Alias == "starRatingIllustrative")));
        Assert.Equal("21.0285, 105.8524 (approximate)", changes.Single(c => c.Alias == "location").NewerText());
        Assert.Equal("Tiếng Việt\nEnglish\n日本語", changes.Single(c => c.Alias == "languages").NewerText());
        Assert.Equal("Lò nung cổ", changes.Single(c => c.Alias == "gallery").NewerText());
    }

    [Fact]
    public void Properties_the_type_does_not_define_and_values_its_editor_cannot_read_are_still_reported()
    {
        var older = new ContentValues().Set("name", Vi, "Vạn Phúc").Set("legacyNote", Any, "cũ").Set("location", Any, JsonValue.Create("21.0, 105.8"));
        var newer = new ContentValues().Set("name", Vi, "Vạn Phúc").Set("legacyNote", Any, "mới").Set("location", Any, JsonValue.Create("21.1, 105.8"))
            .Set("oldTags", Any, new[] { "lụa" });

        var changes = VersionDiff.Compare(Village, older, newer);

        Assert.Equal(["location", "legacyNote", "oldTags"], changes.Select(c => c.Alias));
        Assert.Equal("21.0 → 21.1", Describe(changes[0]));
        Assert.Equal(("cũ → mới", null), (Describe(changes[1]), changes[1].Editor));
        Assert.Equal((ChangeKind.Added, "lụa"), (changes[2].Kind, changes[2].NewerText()));
    }

    [Fact]
    public void A_20000_word_text_with_a_few_edits_is_compared_word_by_word()
    {
        var lines = Enumerable.Range(0, 2000).Select(Line).ToList();
        var older = new ContentValues().Set("notes", Vi, string.Join('\n', lines));
        var edited = lines.Select((l, i) => i % 200 == 7 ? l.Replace($"gốm{i}x3 ", $"sứ{i}x3 ", StringComparison.Ordinal) : l);
        var newer = new ContentValues().Set("notes", Vi, string.Join('\n', edited));

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.Equal(DiffGranularity.Words, change.Granularity);
        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"gốm{(k * 200) + 7}x3"), change.Segments.Where(s => s.Kind == Deleted).Select(s => s.Text));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"sứ{(k * 200) + 7}x3"), change.Segments.Where(s => s.Kind == Inserted).Select(s => s.Text));
        Assert.Equal(string.Join('\n', edited), change.NewerText());
    }

    [Fact]
    public void Paragraphs_too_different_to_compare_word_by_word_are_shown_whole_and_the_rest_stays_unchanged()
    {
        var kept = string.Concat(Enumerable.Range(0, 100).Select(i => Line(i) + "\n"));
        var olderEnd = string.Join('\n', Enumerable.Range(100, 100).Select(Line));
        var newerEnd = string.Join('\n', Enumerable.Range(100, 100).Select(i => Line(i).Replace("gốm", "lụa", StringComparison.Ordinal).Replace("làng", "phố", StringComparison.Ordinal)));
        var older = new ContentValues().Set("notes", Vi, kept + olderEnd);
        var newer = new ContentValues().Set("notes", Vi, kept + newerEnd);

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        Assert.Equal(DiffGranularity.Lines, change.Granularity);
        Assert.Equal([new(Unchanged, kept), new(Deleted, olderEnd), new(Inserted, newerEnd)], change.Segments);
    }

    [Fact]
    public void A_single_20000_word_paragraph_with_thousands_of_edits_falls_back_to_whole_text_and_stays_correct()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => $"gốm{i}").ToList();
        var edited = words.Select((w, i) => i % 8 == 0 ? w.Replace("gốm", "sứ", StringComparison.Ordinal) : w).ToList();
        var older = new ContentValues().Set("notes", Vi, string.Join(' ', words));
        var newer = new ContentValues().Set("notes", Vi, string.Join(' ', edited));

        var change = Assert.Single(VersionDiff.Compare(Village, older, newer));

        // The last edit is word 19,992: the words after it stay unchanged, everything before it is replaced whole.
        Assert.Equal(DiffGranularity.Lines, change.Granularity);
        Assert.Equal(
            [new(Deleted, string.Join(' ', words[..19_993])), new(Inserted, string.Join(' ', edited[..19_993])), new(Unchanged, " " + string.Join(' ', words[19_993..]))],
            change.Segments);
    }

    /// <summary>Ten distinct words: "làng{i}x0 gốm{i}x1 ... gốm{i}x9".</summary>
    private static string Line(int i) => string.Join(' ', Enumerable.Range(0, 10).Select(w => $"{(w == 0 ? "làng" : "gốm")}{i}x{w}"));

    private static string Describe(PropertyChange change) =>
        string.Concat(change.Segments.Where(s => s.Kind == Deleted).Select(s => s.Text)) + " → "
        + string.Concat(change.Segments.Where(s => s.Kind == Inserted).Select(s => s.Text));

    private static OpeningHours Hours(string mondayClose, params HoursOverride[] exceptions)
    {
        Assert.True(TimeRange.TryParseList("08:00-11:30, 13:30-17:00", out var weekday));
        Assert.True(TimeRange.TryParseList($"08:00-11:30, 13:30-{mondayClose}", out var monday));
        Assert.True(TimeRange.TryParseList("08:00-11:30", out var saturday));
        var weekly = new Dictionary<string, IReadOnlyList<TimeRange>>
        {
            ["mon"] = monday,
            ["tue"] = weekday,
            ["wed"] = weekday,
            ["thu"] = weekday,
            ["fri"] = weekday,
            ["sat"] = saturday,
        };
        return new OpeningHours(weekly, HolidayPolicy.Closed, exceptions);
    }
}
