using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockerLayerLsp.Lsp.Protocol;

namespace DockerLayerLsp.Server.Tests.Protocol;

/// <summary>
/// Every type in DockerLayerLsp.Lsp.Protocol is checked against the official LSP 3.18 meta model:
/// its name is a structure, enumeration or type alias of the specification; each property's JSON name
/// is one of that structure's fields (no misspelling, no invention); each field the specification
/// requires is present; optional fields are nullable, required ones are <c>required</c>; and the
/// property's type fits the specification's type.
/// </summary>
public sealed class ProtocolModelTests
{
    private static readonly MetaModel Model = MetaModel.Load();
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> ProtocolTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ProtocolTypeList()) data.Add(type.Name);
        return data;
    }

    private static IEnumerable<Type> ProtocolTypeList() => typeof(LspJsonContext).Assembly.GetTypes()
        .Where(type => type.Namespace == typeof(LspJsonContext).Namespace && type.IsPublic && type != typeof(LspJsonContext)
                       && !type.IsDefined(typeof(CompilerGeneratedAttribute)))
        .OrderBy(type => type.Name);

    [Fact]
    public void Protocol_namespace_holds_the_types_the_server_needs()
    {
        Assert.True(ProtocolTypeList().Count() >= 60, $"only {ProtocolTypeList().Count()} protocol types found");
    }

    [Theory]
    [MemberData(nameof(ProtocolTypes))]
    public void Type_matches_the_LSP_meta_model(string typeName)
    {
        var type = ProtocolTypeList().Single(t => t.Name == typeName);
        if (type.IsEnum) CheckIntegerEnumeration(type);
        else if (type.IsAbstract && type.IsSealed) CheckConstantEnumeration(type);
        else CheckStructure(type);
    }

    private static void CheckIntegerEnumeration(Type type)
    {
        var enumeration = Model.Enumeration(type.Name) ?? throw Fail(type, "is not an enumeration of the specification");
        foreach (var name in Enum.GetNames(type))
        {
            var value = Convert.ToInt64(Enum.Parse(type, name));
            Assert.True(enumeration.TryGetValue(name, out var expected), $"{type.Name}.{name} is not a value of the specification's {type.Name}");
            Assert.Equal(expected.GetInt64(), value);
        }
    }

    private static void CheckConstantEnumeration(Type type)
    {
        var enumeration = Model.Enumeration(type.Name) ?? throw Fail(type, "is not an enumeration of the specification");
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            Assert.True(enumeration.TryGetValue(field.Name, out var expected), $"{type.Name}.{field.Name} is not a value of the specification's {type.Name}");
            Assert.Equal(expected.ToString(), Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CheckStructure(Type type)
    {
        var fields = Model.Fields(type.Name) ?? throw Fail(type, "is neither a structure nor a type alias of the specification");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var jsonNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            jsonNames.Add(jsonName);
            Assert.True(fields.TryGetValue(jsonName, out var field), $"{type.Name}.{jsonName} is not a field of the specification's {type.Name} (fields: {string.Join(", ", fields.Keys)})");

            var isRequiredMember = property.IsDefined(typeof(RequiredMemberAttribute));
            var isNullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                             || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
            if (field.Optional)
            {
                Assert.True(isNullable && !isRequiredMember, $"{type.Name}.{jsonName} is optional in the specification: make it nullable and not required");
            }
            else if (MetaModel.AllowsNull(field.Type))
            {
                Assert.True(isNullable, $"{type.Name}.{jsonName} may be null in the specification: make it nullable");
            }
            else
            {
                Assert.True(isRequiredMember && !isNullable, $"{type.Name}.{jsonName} is required in the specification: declare it `required` and non-nullable");
            }
            Assert.True(Model.Fits(property.PropertyType, field.Type), $"{type.Name}.{jsonName}: {property.PropertyType.Name} does not fit the specification's {field.Type}");
        }
        foreach (var (name, field) in fields)
        {
            Assert.True(field.Optional || jsonNames.Contains(name), $"{type.Name} lacks the required field {name}");
        }
    }

    private static Exception Fail(Type type, string message) => new Xunit.Sdk.XunitException($"{type.Name} {message}");

    [Fact]
    public void Meta_model_checker_rejects_a_misspelt_and_a_missing_field()
    {
        // The checker itself, on deliberately wrong shapes.
        Assert.Throws<Xunit.Sdk.TrueException>(() => CheckStructure(typeof(Wrong.Position)));
        Assert.Throws<Xunit.Sdk.TrueException>(() => CheckStructure(typeof(Wrong.Location)));
    }
}

internal static class Wrong
{
    public sealed record Position
    {
        public required int Line { get; init; }
        public required int Charakter { get; init; }
    }

    public sealed record Location
    {
        public required string Uri { get; init; }
    }
}

/// <summary>The parts of metaModel.json the check needs.</summary>
internal sealed class MetaModel
{
    public sealed record Field(JsonElement Type, bool Optional);

    private readonly Dictionary<string, JsonElement> _structures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _enumerations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _aliases = new(StringComparer.Ordinal);

    public static MetaModel Load()
    {
        var shared = Path.Combine(Infrastructure.RepositoryPaths.Root, "..", "shared", "lsp", "metaModel.json");
        var path = File.Exists(shared) ? shared : Path.Combine(AppContext.BaseDirectory, "Protocol", "lsp-3.18", "metaModel.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var model = new MetaModel();
        foreach (var s in document.RootElement.GetProperty("structures").EnumerateArray()) model._structures[s.GetProperty("name").GetString()!] = s.Clone();
        foreach (var e in document.RootElement.GetProperty("enumerations").EnumerateArray()) model._enumerations[e.GetProperty("name").GetString()!] = e.Clone();
        foreach (var a in document.RootElement.GetProperty("typeAliases").EnumerateArray()) model._aliases[a.GetProperty("name").GetString()!] = a.Clone();
        return model;
    }

    public Dictionary<string, JsonElement>? Enumeration(string name)
    {
        if (!_enumerations.TryGetValue(name, out var enumeration)) return null;
        return enumeration.GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value"), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A structure's fields including inherited ones; for a type alias over structures, the union (required only if required in every branch).</summary>
    public Dictionary<string, Field>? Fields(string name)
    {
        if (_structures.ContainsKey(name)) return StructureFields(name);
        if (!_aliases.TryGetValue(name, out var alias)) return null;
        var branches = alias.GetProperty("type") is { } t && t.GetProperty("kind").GetString() == "or"
            ? t.GetProperty("items").EnumerateArray().ToList()
            : [alias.GetProperty("type")];
        var branchFields = branches.Select(b => b.GetProperty("kind").GetString() switch
        {
            "reference" => StructureFields(b.GetProperty("name").GetString()!),
            "literal" => LiteralFields(b.GetProperty("value")),
            _ => new Dictionary<string, Field>(),
        }).ToList();
        var union = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var fields in branchFields)
        {
            foreach (var (fieldName, field) in fields)
            {
                var inAll = branchFields.All(f => f.TryGetValue(fieldName, out var other) && !other.Optional);
                union[fieldName] = field with { Optional = !inAll };
            }
        }
        return union;
    }

    private Dictionary<string, Field> StructureFields(string name)
    {
        var structure = _structures[name];
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var inheritance in new[] { "extends", "mixins" })
        {
            if (!structure.TryGetProperty(inheritance, out var parents)) continue;
            foreach (var parent in parents.EnumerateArray())
            {
                foreach (var (k, v) in StructureFields(parent.GetProperty("name").GetString()!)) fields[k] = v;
            }
        }
        foreach (var (k, v) in LiteralFields(structure)) fields[k] = v;
        return fields;
    }

    private static Dictionary<string, Field> LiteralFields(JsonElement owner)
        => owner.GetProperty("properties").EnumerateArray().ToDictionary(
            p => p.GetProperty("name").GetString()!,
            p => new Field(p.GetProperty("type"), p.TryGetProperty("optional", out var o) && o.GetBoolean()),
            StringComparer.Ordinal);

    /// <summary><c>T | null</c>, or LSPAny (whose values include null).</summary>
    public static bool AllowsNull(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "or" => type.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("kind").GetString() == "base" && i.GetProperty("name").GetString() == "null"),
        "reference" => type.GetProperty("name").GetString() == "LSPAny",
        _ => false,
    };

    public bool Fits(Type clr, JsonElement type)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        switch (type.GetProperty("kind").GetString())
        {
            case "base":
                return type.GetProperty("name").GetString() switch
                {
                    "string" or "DocumentUri" or "URI" or "RegExp" => clr == typeof(string),
                    "integer" => clr == typeof(int) || clr == typeof(long),
                    "uinteger" => clr == typeof(int) || clr == typeof(uint) || clr == typeof(long),
                    "decimal" => clr == typeof(double) || clr == typeof(decimal),
                    "boolean" => clr == typeof(bool),
                    _ => false,
                };
            case "reference":
                var name = type.GetProperty("name").GetString()!;
                if (name is "LSPAny" or "LSPObject" or "LSPArray") return true;
                if (clr.Name == name) return true;
                if (_enumerations.TryGetValue(name, out var enumeration))
                {
                    var valueType = enumeration.GetProperty("type").GetProperty("name").GetString();
                    return valueType == "string" ? clr == typeof(string) : clr.IsEnum && clr.Name == name;
                }
                return _aliases.TryGetValue(name, out var alias) && Fits(clr, alias.GetProperty("type"));
            case "array":
                var element = clr.IsArray ? clr.GetElementType()
                    : clr.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(clr) ? clr.GetGenericArguments()[0] : null;
                return element is not null && Fits(element, type.GetProperty("element"));
            case "map":
                return clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                       && Fits(clr.GetGenericArguments()[1], type.GetProperty("value"));
            case "or":
                return type.GetProperty("items").EnumerateArray().Any(item => Fits(clr, item));
            case "stringLiteral":
                return clr == typeof(string);
            case "literal":
            case "tuple":
                return !clr.IsPrimitive;
            default:
                return false;
        }
    }
}
