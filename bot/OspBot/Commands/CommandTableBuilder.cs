using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OspBot.Commands;

/// Declares a feature's commands: typed text (with aliases, an argument, who may use it, where it is offered) and
/// card verbs (who may press them). Each handler is a method of a scoped class, resolved per turn.
internal sealed class CommandTableBuilder(IServiceCollection services)
{
    private readonly List<BotCommand> _commands = [];

    internal IReadOnlyList<BotCommand> Commands => _commands;

    public CommandTableBuilder Text<THandler>(
        string name, string description, Roles roles, Func<THandler, CommandHandler> handler,
        string? usage = null, IReadOnlyList<string>? aliases = null, ArgumentMode argument = ArgumentMode.None,
        CommandScopes scopes = CommandScopes.Personal, bool shortcut = false, bool listed = true, bool inMenu = true)
        where THandler : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _commands.Add(new BotCommand
        {
            Kind = CommandKind.Text,
            Name = name,
            Aliases = aliases ?? [],
            Argument = argument,
            Description = description,
            Usage = usage ?? name,
            Roles = roles,
            Scopes = scopes,
            IsShortcut = shortcut,
            IsListed = listed,
            InMenu = inMenu,
            Resolve = Resolver(handler),
        });
        return this;
    }

    public CommandTableBuilder Card<THandler>(string verb, Roles roles, Func<THandler, CommandHandler> handler)
        where THandler : class
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);
        _commands.Add(new BotCommand { Kind = CommandKind.Card, Name = verb, Roles = roles, Resolve = Resolver(handler) });
        return this;
    }

    private Func<IServiceProvider, CommandHandler> Resolver<THandler>(Func<THandler, CommandHandler> handler)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        services.TryAddScoped<THandler>();
        return sp => handler(sp.GetRequiredService<THandler>());
    }
}

internal static class CommandsExtensions
{
    /// <summary>
    /// Adds a feature's commands to the command table (and registers their handler classes, scoped). Call once per
    /// feature, in any order; the table, the help command and the runner are registered with the first call.
    /// </summary>
    public static IServiceCollection AddBotCommands(this IServiceCollection services, Action<CommandTableBuilder> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        if (!services.Any(s => s.ServiceType == typeof(CommandTable)))
        {
            services.AddSingleton<CommandTable>();
            services.AddScoped<CommandRunner>();
            services.AddSingleton(Declare(services, HelpCommand.Declare));
        }
        services.AddSingleton(Declare(services, declare));
        return services;
    }

    private static CommandRegistration Declare(IServiceCollection services, Action<CommandTableBuilder> declare)
    {
        var builder = new CommandTableBuilder(services);
        declare(builder);
        return new CommandRegistration(builder.Commands);
    }
}
