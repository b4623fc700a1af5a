using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>One property of the edit form, rendered by Editors/_Field.cshtml.</summary>
public sealed record FieldModel(ContentForm Form, PropertyType Property, EditorChoices Choices);

/// <summary>One culture's block list in the edit form.</summary>
public sealed record BlockEditorModel(FieldModel Field, string Culture);
