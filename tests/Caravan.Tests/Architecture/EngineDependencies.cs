using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Caravan.Tests.Architecture;

/// <summary>
/// Reads which types each type of an assembly refers to, from its compiled IL (signatures, fields, attributes and
/// method bodies), so a dependency cannot hide in a <c>using</c>-free fully qualified name or a global using.
/// </summary>
internal sealed class EngineDependencies
{
    /// <summary>For each type (full name), the full names of the types it refers to.</summary>
    public Dictionary<string, HashSet<string>> TypeReferences { get; } = new(StringComparer.Ordinal);

    /// <summary>For each type, the assemblies its references come from.</summary>
    public Dictionary<string, HashSet<string>> AssemblyReferences { get; } = new(StringComparer.Ordinal);

    public static EngineDependencies Read(string assemblyPath)
    {
        var result = new EngineDependencies();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            if (!result.TypeReferences.TryGetValue(owner, out var refs))
            {
                refs = new HashSet<string>(StringComparer.Ordinal);
                result.TypeReferences[owner] = refs;
                result.AssemblyReferences[owner] = new HashSet<string>(StringComparer.Ordinal);
            }
            var assemblies = result.AssemblyReferences[owner];
            void Add(TypeReference? t)
            {
                while (t is not null)
                {
                    switch (t)
                    {
                        case GenericInstanceType g:
                            foreach (var a in g.GenericArguments)
                            {
                                Add(a);
                            }
                            t = g.ElementType;
                            continue;
                        case TypeSpecification s:
                            t = s.ElementType;
                            continue;
                        case GenericParameter:
                            return;
                    }
                    var top = t;
                    while (top.DeclaringType is not null)
                    {
                        top = top.DeclaringType;
                    }
                    refs.Add(top.FullName);
                    assemblies.Add(t.Scope switch
                    {
                        AssemblyNameReference a => a.Name,
                        ModuleDefinition m => m.Assembly.Name.Name,
                        _ => t.Scope?.Name ?? "",
                    });
                    return;
                }
            }
            void Attributes(ICustomAttributeProvider p)
            {
                foreach (var a in p.CustomAttributes)
                {
                    Add(a.AttributeType);
                }
            }
            Add(type.BaseType);
            Attributes(type);
            foreach (var i in type.Interfaces)
            {
                Add(i.InterfaceType);
            }
            foreach (var f in type.Fields)
            {
                Add(f.FieldType);
                Attributes(f);
            }
            foreach (var p in type.Properties)
            {
                Add(p.PropertyType);
                Attributes(p);
            }
            foreach (var m in type.Methods)
            {
                Add(m.ReturnType);
                Attributes(m);
                foreach (var p in m.Parameters)
                {
                    Add(p.ParameterType);
                }
                if (!m.HasBody)
                {
                    continue;
                }
                foreach (var v in m.Body.Variables)
                {
                    Add(v.VariableType);
                }
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(t);
                            break;
                        case MemberReference member:
                            Add(member.DeclaringType);
                            if (member is MethodReference mr)
                            {
                                Add(mr.ReturnType);
                                foreach (var p in mr.Parameters)
                                {
                                    Add(p.ParameterType);
                                }
                            }
                            else if (member is FieldReference fr)
                            {
                                Add(fr.FieldType);
                            }
                            break;
                    }
                }
            }
        }
        return result;
    }

    /// <summary>The engine folder of a type: <c>Caravan.Routing.Router</c> → <c>Routing</c>; null outside the engine's folders.</summary>
    public static string? Folder(string typeFullName)
    {
        if (!typeFullName.StartsWith("Caravan.", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = typeFullName["Caravan.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : rest[..dot];
    }

    /// <summary>Folder → folders it refers to (itself excluded), with one example reference for each edge.</summary>
    public Dictionary<string, Dictionary<string, string>> FolderGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (type, refs) in TypeReferences)
        {
            if (Folder(type) is not { } from)
            {
                continue;
            }
            if (!graph.TryGetValue(from, out var edges))
            {
                edges = new Dictionary<string, string>(StringComparer.Ordinal);
                graph[from] = edges;
            }
            foreach (var r in refs.Order(StringComparer.Ordinal))
            {
                if (Folder(r) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{type} → {r}");
                }
            }
        }
        return graph;
    }

    private static TypeDefinition Outermost(TypeDefinition t)
    {
        while (t.DeclaringType is not null)
        {
            t = t.DeclaringType;
        }
        return t;
    }
}
