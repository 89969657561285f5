using System.Text;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Hides the secrets of a connection string before it is shown anywhere (source names, audits, errors,
/// logs): the user information and the values of the options that carry a secret. When the string is
/// too malformed to tell user information from hosts, everything after the scheme is hidden.
/// </summary>
public static class ConnectionStrings
{
    public const string Mask = "***";

    /// <summary>Options whose value is a secret (compared without case, as the driver does).</summary>
    public static IReadOnlySet<string> SensitiveOptions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password",
        "pwd",
        "tlsCertificateKeyFilePassword",
        "sslClientCertificateKeyPassword",
        "sslPEMKeyPassword",
        "authMechanismProperties", // may hold AWS_SESSION_TOKEN or a service realm secret
        "tlsCertificateKeyFile", // a path, but it names the client's key
        "sslPEMKeyFile",
    };

    /// <summary>The connection string with user information and secret option values replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            // Not a URI: only a key=value list could hold a secret.
            return connectionString.Contains('=', StringComparison.Ordinal) ? RedactOptions(connectionString) : connectionString;
        }

        var scheme = connectionString[..(schemeEnd + 3)];
        var rest = connectionString[(schemeEnd + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = query < 0 ? rest : rest[..query];
        var at = beforeQuery.LastIndexOf('@');
        if (at < 0 && query >= 0 && rest.IndexOf('@', query) >= 0 && !(LooksLikeHosts(beforeQuery) && LooksLikeOptions(rest[(query + 1)..])))
        {
            // An '@' after a raw '?' in a password: no safe way to split, hide it all.
            return scheme + Mask;
        }

        var builder = new StringBuilder(connectionString.Length);
        builder.Append(scheme);
        if (at >= 0)
        {
            builder.Append(Mask).Append('@');
        }

        builder.Append(beforeQuery, at + 1, beforeQuery.Length - at - 1);
        if (query >= 0)
        {
            builder.Append('?').Append(RedactOptions(rest[(query + 1)..]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Removes a connection string and its secrets from a message written by someone else (the driver
    /// quotes the connection string in some of its errors).
    /// </summary>
    public static string RedactIn(string message, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(connectionString))
        {
            return message;
        }

        var result = message.Replace(connectionString, Redact(connectionString), StringComparison.Ordinal);
        foreach (var secret in Secrets(connectionString))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>User name, password and secret option values, raw and percent-decoded (at least 3 characters).</summary>
    internal static IEnumerable<string> Secrets(string connectionString)
    {
        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? connectionString : connectionString[(schemeEnd + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = query < 0 ? rest : rest[..query];
        var at = beforeQuery.LastIndexOf('@');
        var found = new List<string>();
        if (at > 0)
        {
            var userInfo = beforeQuery[..at];
            found.Add(userInfo);
            found.AddRange(userInfo.Split(':', 2));
        }

        if (query >= 0)
        {
            foreach (var (name, value) in Options(rest[(query + 1)..]))
            {
                if (SensitiveOptions.Contains(name))
                {
                    found.Add(value);
                }
            }
        }

        return found
            .SelectMany(s => new[] { s, Decode(s) })
            .Where(s => s.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length);
    }

    private static string RedactOptions(string options)
    {
        var builder = new StringBuilder(options.Length);
        var start = 0;
        while (start <= options.Length)
        {
            var end = options.IndexOfAny(['&', ';'], start);
            var pair = end < 0 ? options[start..] : options[start..end];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode((equals < 0 ? pair : pair[..equals]).Trim());
            builder.Append(equals >= 0 && (SensitiveOptions.Contains(name) || pair.Contains('@', StringComparison.Ordinal))
                ? pair[..(equals + 1)] + Mask
                : pair);
            if (end < 0)
            {
                break;
            }

            builder.Append(options[end]);
            start = end + 1;
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Name, string Value)> Options(string options)
    {
        foreach (var pair in options.Split('&', ';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return (Decode(pair[..equals].Trim()), pair[(equals + 1)..]);
            }
        }
    }

    /// <summary>An option list is made of <c>name=value</c> pairs whose names are plain words.</summary>
    private static bool LooksLikeOptions(string text) =>
        text.Split('&', ';').All(pair => pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
            && pair[..equals].All(char.IsAsciiLetterOrDigit));

    /// <summary><c>host[:port][,host[:port]…][/database]</c>, the only thing a '?' may follow when there is no user information.</summary>
    private static bool LooksLikeHosts(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var hosts = slash < 0 ? text : text[..slash];
        return hosts.Length > 0 && hosts.Split(',').All(host =>
        {
            var colon = host.StartsWith('[') ? host.IndexOf("]:", StringComparison.Ordinal) + 1 : host.LastIndexOf(':');
            var name = colon > 0 ? host[..colon] : host;
            var port = colon > 0 ? host[(colon + 1)..] : "0";
            return name.Length > 0 && port.Length > 0 && port.All(char.IsAsciiDigit)
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '%' or '[' or ']' or ':');
        });
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
