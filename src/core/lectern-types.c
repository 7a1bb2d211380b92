/* lectern-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-types.h"

static const char *role_names[LECTERN_N_ROLES] = {
  "speaker", "panelist", "moderator", "organizer",
};

/* A moderator's card is shown with the panelists. */
static const char *role_categories[LECTERN_N_ROLES] = {
  "speaker", "panelist", "panelist", "organizer",
};

static const char *kind_names[LECTERN_N_SLOT_KINDS] = {
  "talk", "oral", "contributed", "keynote", "panel", "poster", "break",
  "lunch", "awards", "remarks", "social",
};

static const char *appearance_names[LECTERN_N_APPEARANCE_ROLES] = {
  "speaker", "panelist", "moderator", "author",
};

static const char *status_names[LECTERN_N_STATUSES] = {
  "", "invited", "confirmed", "declined",
};

static const char *check_names[LECTERN_N_CHECKS] = {
  "room-overlap", "person-clash", "unavailable", "changeover",
  "panel-without-moderator", "talk-without-speaker", "outside-hours", "empty-session",
};

static const char *severity_names[LECTERN_N_SEVERITIES] = {
  "ignore", "warn", "block",
};

static gboolean
lookup (const char  *str,
        const char **names,
        guint        n_names,
        guint       *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (str, names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lectern_role_to_string (LecternRole role)
{
  g_return_val_if_fail (role < LECTERN_N_ROLES, NULL);
  return role_names[role];
}

gboolean
lectern_role_from_string (const char  *str,
                          LecternRole *role)
{
  guint i;

  if (!lookup (str, role_names, LECTERN_N_ROLES, &i))
    return FALSE;
  *role = i;
  return TRUE;
}

const char *
lectern_role_get_site_category (LecternRole role)
{
  g_return_val_if_fail (role < LECTERN_N_ROLES, NULL);
  return role_categories[role];
}

const char *
lectern_slot_kind_to_string (LecternSlotKind kind)
{
  g_return_val_if_fail (kind < LECTERN_N_SLOT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
lectern_slot_kind_from_string (const char      *str,
                               LecternSlotKind *kind)
{
  guint i;

  if (!lookup (str, kind_names, LECTERN_N_SLOT_KINDS, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

/* Breaks, lunch and remarks are shown in italics, without an emoji. */
gboolean
lectern_slot_kind_is_plain (LecternSlotKind kind)
{
  return kind == LECTERN_SLOT_BREAK ||
         kind == LECTERN_SLOT_LUNCH ||
         kind == LECTERN_SLOT_REMARKS;
}

gboolean
lectern_slot_kind_is_talk (LecternSlotKind kind)
{
  return kind == LECTERN_SLOT_TALK ||
         kind == LECTERN_SLOT_ORAL ||
         kind == LECTERN_SLOT_CONTRIBUTED ||
         kind == LECTERN_SLOT_KEYNOTE;
}

const char *
lectern_appearance_role_to_string (LecternAppearanceRole role)
{
  g_return_val_if_fail (role < LECTERN_N_APPEARANCE_ROLES, NULL);
  return appearance_names[role];
}

gboolean
lectern_appearance_role_from_string (const char            *str,
                                     LecternAppearanceRole *role)
{
  guint i;

  if (!lookup (str, appearance_names, LECTERN_N_APPEARANCE_ROLES, &i))
    return FALSE;
  *role = i;
  return TRUE;
}

const char *
lectern_status_to_string (LecternStatus status)
{
  g_return_val_if_fail (status < LECTERN_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
lectern_status_from_string (const char    *str,
                            LecternStatus *status)
{
  guint i;

  if (!lookup (str ? str : "", status_names, LECTERN_N_STATUSES, &i))
    return FALSE;
  *status = i;
  return TRUE;
}

/* A slug names a file in the site's flat _projects/ and assets/img/
 * folders: it must never leave them, so only [a-z0-9_-], starting with
 * a letter or digit, at most 64 bytes.
 */
gboolean
lectern_slug_is_valid (const char *slug)
{
  gsize len;

  if (slug == NULL)
    return FALSE;

  len = strlen (slug);
  if (len == 0 || len > 64)
    return FALSE;

  if (!g_ascii_islower (slug[0]) && !g_ascii_isdigit (slug[0]))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = slug[i];

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '_' && c != '-')
        return FALSE;
    }

  return TRUE;
}

/* "Natalia Gimelshein" -> "natalia_gimelshein"; "Ælfred Ünal" -> "aelfred_unal" */
char *
lectern_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean sep = FALSE;

  ascii = g_str_to_ascii (text ? text : "", "C");
  out = g_string_new (NULL);

  for (const char *p = ascii; *p && out->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (sep && out->len > 0)
            g_string_append_c (out, '_');
          g_string_append_c (out, g_ascii_tolower (*p));
          sep = FALSE;
        }
      else
        sep = TRUE;
    }

  if (out->len == 0)
    g_string_append (out, "card");

  return g_string_free (out, FALSE);
}

const char *
lectern_check_to_string (LecternCheck check)
{
  g_return_val_if_fail (check < LECTERN_N_CHECKS, NULL);
  return check_names[check];
}

gboolean
lectern_check_from_string (const char   *str,
                           LecternCheck *check)
{
  guint i;

  if (!lookup (str, check_names, LECTERN_N_CHECKS, &i))
    return FALSE;

  *check = i;
  return TRUE;
}

const char *
lectern_severity_to_string (LecternSeverity severity)
{
  g_return_val_if_fail (severity < LECTERN_N_SEVERITIES, NULL);
  return severity_names[severity];
}

gboolean
lectern_severity_from_string (const char      *str,
                              LecternSeverity *severity)
{
  guint i;

  if (!lookup (str, severity_names, LECTERN_N_SEVERITIES, &i))
    return FALSE;

  *severity = i;
  return TRUE;
}

/* The list the site shows the cards of @role on, as undo steps name it:
 * "Speakers". */
const char *
lectern_role_get_list_name (LecternRole role)
{
  switch (role)
    {
    case LECTERN_ROLE_SPEAKER:
      return _("Speakers");
    case LECTERN_ROLE_PANELIST:
      return _("Panelists");
    case LECTERN_ROLE_MODERATOR:
      return _("Moderators");
    case LECTERN_ROLE_ORGANIZER:
      return _("Organizers");
    case LECTERN_N_ROLES:
    default:
      return _("People");
    }
}
