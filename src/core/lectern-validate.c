/* lectern-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lectern-validate.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* A web address the card can link to: http(s), a host with a dot, no
 * spaces ("https://example" is almost always a typo).
 */
gboolean
lectern_validate_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (is_empty (text))
    return TRUE;

  if (strpbrk (text, " \t\n") != NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  host = g_uri_get_host (uri);
  return !is_empty (host) && strchr (host, '.') != NULL;
}

/**
 * lectern_validate_suggest_url:
 * @text: what was typed, refused as a web address
 *
 * The obvious fix of a web address typed without its scheme
 * ("tridao.me", "www.example.org/~ann"): with https:// in front, if that
 * is a valid address. NULL when there is no such fix (the text has a
 * scheme, spaces, or no dot in its host).
 */
char *
lectern_validate_suggest_url (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *suggested = NULL;

  if (is_empty (text))
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (strstr (stripped, "://") != NULL || g_str_has_prefix (stripped, "//") ||
      g_ascii_strncasecmp (stripped, "javascript:", 11) == 0 || g_ascii_strncasecmp (stripped, "mailto:", 7) == 0)
    return NULL;

  suggested = g_strconcat ("https://", stripped, NULL);
  return lectern_validate_url (suggested) ? g_steal_pointer (&suggested) : NULL;
}

/* name@domain.tld, one @, nothing a mail client would split on. */
gboolean
lectern_validate_email (const char *text)
{
  const char *at;
  const char *dot;

  if (is_empty (text))
    return TRUE;

  if (strpbrk (text, " \t\n,;<>()[]\\\"") != NULL)
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* YYYY-MM-DD, a real day. */
gboolean
lectern_validate_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (is_empty (text))
    return TRUE;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return FALSE;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return date != NULL;
}

/* An IANA time zone this machine knows (Pacific/Honolulu). */
gboolean
lectern_validate_timezone (const char *text)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (is_empty (text))
    return TRUE;

  tz = g_time_zone_new_identifier (text);
  return tz != NULL;
}

/* A folder of the site that Jekyll serves as it is ("assets/schedule",
 * a final slash allowed): relative, inside the site, and no part that
 * starts with "." or "_" (Jekyll leaves those out of the built site) or
 * that a checkout on another system could not hold.
 */
gboolean
lectern_validate_site_folder (const char *text)
{
  g_auto(GStrv) parts = NULL;
  gsize len;

  if (is_empty (text))
    return TRUE;

  len = strlen (text);
  if (text[0] == '/' || !g_utf8_validate (text, len, NULL) || len > 200)
    return FALSE;

  parts = g_strsplit (text, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      /* the one empty part allowed: after a final slash */
      if (*part == '\0')
        {
          if (parts[i + 1] != NULL || i == 0)
            return FALSE;
          continue;
        }
      if (part[0] == '.' || part[0] == '_' || part[0] == '~' || part[0] == '#' ||
          g_str_has_suffix (part, "~") || strpbrk (part, "\\:*?\"<>|") != NULL)
        return FALSE;
      for (const char *c = part; *c != '\0'; c++)
        if ((guchar) *c < 0x20 || *c == 0x7f)
          return FALSE;
    }

  return TRUE;
}

/* HH:MM on a 24-hour clock ("23:59"). */
gboolean
lectern_validate_time (const char *text)
{
  int hour, minute;
  char end;

  if (is_empty (text))
    return TRUE;

  return strlen (text) == 5 && sscanf (text, "%2d:%2d%c", &hour, &minute, &end) == 2 &&
         text[2] == ':' && hour >= 0 && hour < 24 && minute >= 0 && minute < 60;
}
