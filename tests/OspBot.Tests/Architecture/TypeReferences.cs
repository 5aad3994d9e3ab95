using System.Reflection;
using System.Reflection.Emit;

namespace OspBot.Tests.Architecture;

/// The types one compiled type uses: in its signatures (base type, interfaces, fields, properties, methods) and in
/// its method bodies, read from the IL. Nested and compiler-generated types (lambdas, async state machines) count
/// for the type that declares them. Reading the compiled code, not the source, also catches what a using directive
/// hides (a name qualified in place, a global using).
internal static class TypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    public static IEnumerable<Type> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        IEnumerable<Type?> direct =
        [
            type.BaseType,
            .. type.GetInterfaces(),
            .. type.GetFields(Everything).Select(f => f.FieldType),
            .. type.GetProperties(Everything).Select(p => p.PropertyType),
            .. type.GetMethods(Everything).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
            .. type.GetConstructors(Everything).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)),
        ];
        var inBodies = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)).SelectMany(InBody);
        return direct.Concat(inBodies).OfType<Type>().SelectMany(Expand);
    }

    /// A generic type and its arguments, an array or pointer and its element type.
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition()) : [type];
    }

    private static IEnumerable<Type?> InBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                yield return Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
            }
            i += OperandSize(opCode, il, i);
        }
    }

    private static Type? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs) switch
            {
                Type type => type,
                MemberInfo member => member.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
