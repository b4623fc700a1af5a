using Microsoft.Extensions.Localization;

namespace VillageCraftPortal.Web.Shared;

/// <summary>Lets MVC's validation messages (DataAnnotations) come from the same interface texts as everything else.</summary>
public sealed class UiTextsLocalizerFactory(UiTexts texts) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => texts;

    public IStringLocalizer Create(string baseName, string location) => texts;
}
