using System.Net;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Scoping is enforced in every handler: every role × resource × action of <see cref="AccessMatrix"/> answers as the
/// table says, a refused answer never carries the resource's data, and a refused action changes nothing at all.
/// </summary>
public abstract class AuthorizationMatrixTests(BackofficeSite site)
{
    [Theory]
    [MemberData(nameof(AccessMatrix.Cases), MemberType = typeof(AccessMatrix))]
    public async Task Answers_as_the_access_matrix_says(string role, Resource resource, Act action, Expect expected)
    {
        var targets = new MatrixTargets(site);
        var effects = new MatrixEffects(site);
        var target = await targets.ArrangeAsync(resource);
        var client = role == AccessMatrix.Anonymous ? site.Guest : await site.SignInAsync(AccessMatrix.Emails[role]);
        var before = await effects.CaptureAsync(target);
        var fingerprint = await site.FingerprintAsync();
        try
        {
            var answers = await new MatrixRequests(site).SendAsync(client, role != AccessMatrix.Anonymous, target, action);
            if (expected == Expect.Allowed)
            {
                await effects.AssertAllowedAsync(target, action, before, answers);
                return;
            }

            foreach (var answer in answers)
            {
                await AssertRefusedAsync(client, target, expected, answer);
            }

            Assert.True(fingerprint == await site.FingerprintAsync(), $"{role} × {resource} × {action} was refused but changed the site.");
        }
        finally
        {
            await targets.RestoreAsync(target);
        }
    }

    private static async Task AssertRefusedAsync(StaffClient client, MatrixTarget target, Expect expected, Answer answer)
    {
        switch (expected)
        {
            case Expect.SignIn:
                Assert.True(answer.Status == HttpStatusCode.Redirect && answer.LocationPath == "/backoffice/sign-in", $"{answer}");
                break;
            case Expect.NotFound:
                Assert.True(answer.Status == HttpStatusCode.NotFound, $"{answer}: {MatrixEffects.Excerpt(answer)}");
                break;
            case Expect.Forbidden when answer.Status == HttpStatusCode.Redirect:
                // The cookie scheme sends a forbidden browser to the denied page, which answers 403.
                Assert.True(answer.LocationPath == "/backoffice/denied", $"{answer}: {MatrixEffects.Excerpt(answer)}");
                using (var denied = await client.GetAsync(new Uri(new Uri(SiteFactory.BaseUrl), answer.Location).PathAndQuery))
                {
                    Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                    Assert.DoesNotContain(target.Secret, await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }

                break;
            case Expect.Forbidden:
                Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{answer}: {MatrixEffects.Excerpt(answer)}");
                break;
            case Expect.Refused:
                // An administrator's action that a content rule refuses: back to the page with a message.
                Assert.True(answer.Status == HttpStatusCode.Redirect && answer.LocationPath == $"/backoffice/content/{target.DocumentId}", $"{answer}");
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected));
        }

        Assert.DoesNotContain(target.Secret, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(target.Secret, Html.Parse(answer.Body).Body?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(target.Secret, answer.Location ?? string.Empty, StringComparison.Ordinal);
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteBackofficeSite site) : AuthorizationMatrixTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresBackofficeSite site) : AuthorizationMatrixTests(site), IClassFixture<PostgresBackofficeSite>;
