namespace VillageCraftPortal.Web.Features.Errors;

public static class ErrorEndpoints
{
    public const string ExceptionPath = "/error/500";
    public const string StatusPathFormat = "/error/{0}";
}
