using System.Text;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Vietnamese text in one canonical form, so that the same word written two ways is one term: NFC, and the tone mark
/// on the vowel the modern rule puts it on ("hòa" and "hoà" are both "hoà"; "thụy" and "thuỵ" are both "thuỵ").
/// </summary>
public static class VietnameseText
{
    private const string Vowels = "aăâeêioôơuưy";
    private const string ModifiedVowels = "ăâêôơư";

    /// <summary>The five tone marks as combining characters: grave, acute, tilde, hook above, dot below.</summary>
    private static bool IsTone(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    /// <summary>NFC, control characters dropped, and each word's tone mark in its canonical place.</summary>
    public static string Normalize(string text)
    {
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(composed.Length);
        var start = -1;
        for (var i = 0; i <= composed.Length; i++)
        {
            var inWord = i < composed.Length && char.IsLetter(composed[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                output.Append(PlaceTone(composed[start..i]));
                start = -1;
            }

            if (!inWord && i < composed.Length)
            {
                output.Append(char.IsControl(composed[i]) ? ' ' : composed[i]);
            }
        }

        return output.ToString();
    }

    /// <summary>One word (letters only) with its tone mark moved to the canonical vowel; other words unchanged.</summary>
    public static string PlaceTone(string word)
    {
        if (word.Length is 0 or > 12 || word.All(char.IsAscii))
        {
            return word;
        }

        // Split into tone-less letters and the one tone mark.
        var bases = new StringBuilder(word.Length);
        char? tone = null;
        foreach (var letter in word)
        {
            var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (IsTone(c))
                {
                    if (tone is not null && tone != c)
                    {
                        return word; // Two different tones: not a Vietnamese syllable.
                    }

                    tone = c;
                }
                else
                {
                    kept.Append(c);
                }
            }

            var composedLetter = kept.ToString().Normalize(NormalizationForm.FormC);
            if (composedLetter.Length != 1)
            {
                return word;
            }

            bases.Append(composedLetter);
        }

        if (tone is null)
        {
            return word;
        }

        var plain = bases.ToString();
        var target = ToneVowel(plain);
        if (target < 0)
        {
            return word;
        }

        var result = new StringBuilder(plain.Length + 1);
        result.Append(plain, 0, target + 1).Append(tone.Value).Append(plain, target + 1, plain.Length - target - 1);
        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The index of the vowel that carries the tone in a tone-less syllable, or -1.</summary>
    private static int ToneVowel(string syllable)
    {
        var lower = syllable.ToLowerInvariant();
        var start = 0;
        while (start < lower.Length && !IsVowel(lower[start]))
        {
            start++;
        }

        // "qu" and "gi" before another vowel are consonants: quá, giá.
        if (start < lower.Length - 1 && IsVowel(lower[start + 1])
            && ((lower[start] == 'u' && start > 0 && lower[start - 1] == 'q') || (lower[start] == 'i' && start > 0 && lower[start - 1] == 'g')))
        {
            start++;
        }

        var end = start;
        while (end < lower.Length && IsVowel(lower[end]))
        {
            end++;
        }

        var length = end - start;
        if (length is 0 or > 3)
        {
            return -1;
        }

        for (var i = end - 1; i >= start; i--)
        {
            if (ModifiedVowels.Contains(lower[i], StringComparison.Ordinal))
            {
                return i; // ươ → ơ, iê → ê, uô → ô
            }
        }

        if (length == 1)
        {
            return start;
        }

        if (length == 3)
        {
            return start + 1;
        }

        var hasFinal = end < lower.Length;
        var pair = lower.Substring(start, 2);
        return hasFinal || pair is "oa" or "oe" or "uy" ? start + 1 : start;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);
}
