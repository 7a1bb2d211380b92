/* lectern-workshop-loader.c: a workshop described in a YAML file, read into a store
 *
 * The format (data/demo/es-fomo-2023.yml is a complete example):
 *
 *   lectern-workshop: 1
 *   event: {name, short_name, conference, year, start_date, end_date,
 *           timezone, venue, room, room_map_url, contact_email, site_url,
 *           openreview_url, plan_heading}
 *   people:
 *     - {key, name, first_name, family_name, affiliation, homepage, image,
 *        bio, email, status, notes, cards: [{role, slug, archived}, …]}
 *   sponsors:
 *     - {name, slug, url, logo, tier, archived}
 *   schedule:
 *     - date: "YYYY-MM-DD"
 *       items: [SLOT | {session, emoji, slots: [SLOT, …]}, …]
 *
 *   SLOT: {time: "HH:MM", duration, kind, emoji, title, abstract, note,
 *          note_link_text, note_url, sponsor,
 *          people: [{person, role, affiliation}, …], links: [{kind, url}, …]}
 *
 * The file is parsed with libyaml's document API, then written through
 * the store in one transaction: a file with a mistake adds nothing.
 * Unknown fields are refused, so a typo ("duraton") is reported rather
 * than silently dropped. Within a role, cards take the order in which
 * the people are listed; sponsors the order of the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-workshop-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "lectern-workshop-loader.h"

typedef struct
{
  LecternStore    *store;
  yaml_document_t *doc;
  const char      *source;
  GHashTable      *people;    /* key -> LecternPerson */
  GHashTable      *sponsors;  /* slug -> LecternSponsor */
} Loader;

/* A field of a mapping. Text fields are read as text on the way. */
typedef struct
{
  const char *name;
  gboolean    required;
  gboolean    text;
} Field;

/* ------------------------------------------------------------------ */
/* Errors                                                              */

static gboolean fail (Loader       *self,
                      yaml_node_t  *node,
                      GError      **error,
                      const char   *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Always returns FALSE, for "return fail (…)". */
static gboolean
fail (Loader       *self,
      yaml_node_t  *node,
      GError      **error,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%lu: %s",
               self->source,
               (gulong) (node != NULL ? node->start_mark.line + 1 : 1),
               message);

  return FALSE;
}

/* The store refused something: a value it rejects is bad input, and is
 * reported at the line it came from; anything else (a busy or read-only
 * file) is passed on as it is.
 */
static gboolean
store_failed (Loader       *self,
              yaml_node_t  *node,
              GError       *store_error,
              GError      **error)
{
  g_autoptr(GError) owned = store_error;

  if (g_error_matches (owned, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID) ||
      g_error_matches (owned, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND))
    return fail (self, node, error, "%s", owned->message);

  g_propagate_prefixed_error (error, g_steal_pointer (&owned), "%s:%lu: ",
                              self->source,
                              (gulong) (node != NULL ? node->start_mark.line + 1 : 1));
  return FALSE;
}

static void
set_parse_error (yaml_parser_t  *parser,
                 const char     *source,
                 const char     *data,
                 gsize           size,
                 GError        **error)
{
  gsize line = parser->problem_mark.line + 1;
  const char *problem = parser->problem ? parser->problem : "out of memory";

  /* The reader (bad encoding) reports an offset, not a mark. */
  if (parser->error == YAML_READER_ERROR)
    {
      line = 1;
      for (gsize i = 0; i < parser->problem_offset && i < size; i++)
        if (data[i] == '\n')
          line++;
    }

  /* The details are libyaml's own (English) words. */
  if (parser->context != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%lu: %s: %s (%s)",
                 source, (gulong) line, _("Not valid YAML"), problem, parser->context);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%lu: %s: %s",
                 source, (gulong) line, _("Not valid YAML"), problem);
}

/* ------------------------------------------------------------------ */
/* Reading nodes                                                       */

static yaml_node_t *
get_node (Loader *self,
          int     index)
{
  return yaml_document_get_node (self->doc, index);
}

/* A plain empty, "~" or "null" scalar: no value. */
static gboolean
scalar_is_null (yaml_node_t *node)
{
  const char *value;

  if (node->type != YAML_SCALAR_NODE ||
      node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;

  value = (const char *) node->data.scalar.value;

  return value[0] == '\0' ||
         g_str_equal (value, "~") ||
         g_str_equal (value, "null") ||
         g_str_equal (value, "Null") ||
         g_str_equal (value, "NULL");
}

static const char *
node_name (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SEQUENCE_NODE:
      return _("a list");
    case YAML_MAPPING_NODE:
      return _("a mapping");
    case YAML_SCALAR_NODE:
    case YAML_NO_NODE:
    default:
      return _("a single value");
    }
}

/* Text: a scalar, or nothing (""). Points into the document. */
static gboolean
get_text (Loader       *self,
          yaml_node_t  *node,
          const char  **out,
          GError      **error)
{
  const char *value;

  if (node->type != YAML_SCALAR_NODE)
    return fail (self, node, error, _("Expected text here, not %s"), node_name (node));

  if (scalar_is_null (node))
    {
      *out = "";
      return TRUE;
    }

  value = (const char *) node->data.scalar.value;
  if (strlen (value) != node->data.scalar.length)
    return fail (self, node, error, _("The text contains a NUL character"));

  *out = value;
  return TRUE;
}

static gboolean
get_nonempty_text (Loader       *self,
                   yaml_node_t  *node,
                   const char   *field,
                   const char  **out,
                   GError      **error)
{
  g_autofree char *stripped = NULL;

  if (!get_text (self, node, out, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (*out));
  if (stripped[0] == '\0')
    return fail (self, node, error, _("“%s” must not be empty"), field);

  return TRUE;
}

static gboolean
get_int (Loader       *self,
         yaml_node_t  *node,
         const char   *field,
         int           min,
         int           max,
         int          *out,
         GError      **error)
{
  const char *text;
  gint64 value;

  if (!get_text (self, node, &text, error))
    return FALSE;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return fail (self, node, error,
                 _("“%s” is not a valid %s: expected a whole number from %d to %d"),
                 text, field, min, max);

  *out = (int) value;
  return TRUE;
}

static gboolean
get_bool (Loader       *self,
          yaml_node_t  *node,
          const char   *field,
          gboolean     *out,
          GError      **error)
{
  const char *text;

  if (!get_text (self, node, &text, error))
    return FALSE;

  if (g_str_equal (text, "true"))
    *out = TRUE;
  else if (g_str_equal (text, "false"))
    *out = FALSE;
  else
    return fail (self, node, error,
                 _("“%s” is not a valid %s: expected true or false"), text, field);

  return TRUE;
}

/* "9:05" or "09:05", 24-hour, to minutes since midnight. */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  const char *colon = strchr (text, ':');
  gsize hour_len;
  int hour = 0;

  if (colon == NULL)
    return FALSE;

  hour_len = colon - text;
  if (hour_len < 1 || hour_len > 2 || strlen (colon + 1) != 2)
    return FALSE;

  for (const char *p = text; p < colon; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      hour = hour * 10 + (*p - '0');
    }

  if (!g_ascii_isdigit (colon[1]) || !g_ascii_isdigit (colon[2]))
    return FALSE;

  if (hour > 23 || colon[1] > '5')
    return FALSE;

  *minutes = hour * 60 + (colon[1] - '0') * 10 + (colon[2] - '0');
  return TRUE;
}

static gboolean
get_time (Loader       *self,
          yaml_node_t  *node,
          int          *minutes,
          GError      **error)
{
  const char *text;

  if (!get_text (self, node, &text, error))
    return FALSE;

  if (!parse_time (text, minutes))
    return fail (self, node, error,
                 _("“%s” is not a valid time: use 24-hour HH:MM, such as \"14:30\""),
                 text);

  return TRUE;
}

/* YYYY-MM-DD, a real date. */
static gboolean
get_date (Loader       *self,
          yaml_node_t  *node,
          const char  **out,
          GError      **error)
{
  const char *text;
  gboolean ok;

  if (!get_text (self, node, &text, error))
    return FALSE;

  ok = strlen (text) == 10 && text[4] == '-' && text[7] == '-';
  for (guint i = 0; ok && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      ok = FALSE;

  if (ok)
    {
      guint year = g_ascii_strtoull (text, NULL, 10);
      guint month = g_ascii_strtoull (text + 5, NULL, 10);
      guint day = g_ascii_strtoull (text + 8, NULL, 10);

      ok = year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
           g_date_valid_dmy (day, month, year);
    }

  if (!ok)
    return fail (self, node, error,
                 _("“%s” is not a valid date: use YYYY-MM-DD, such as \"2023-07-29\""),
                 text);

  *out = text;
  return TRUE;
}

static gboolean
expect_sequence (Loader       *self,
                 yaml_node_t  *node,
                 const char   *field,
                 GError      **error)
{
  if (node->type != YAML_SEQUENCE_NODE)
    return fail (self, node, error, _("“%s” must be a list, not %s"), field, node_name (node));

  return TRUE;
}

/* The value of key in a mapping node, or NULL. */
static yaml_node_t *
mapping_lookup (Loader      *self,
                yaml_node_t *node,
                const char  *key)
{
  if (node->type != YAML_MAPPING_NODE)
    return NULL;

  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *k = get_node (self, pair->key);

      if (k != NULL && k->type == YAML_SCALAR_NODE &&
          g_str_equal ((const char *) k->data.scalar.value, key))
        return get_node (self, pair->value);
    }

  return NULL;
}

/* Reads a mapping: nodes[i] is the value of fields[i] (NULL when
 * absent), texts[i] its text for text fields (NULL when absent).
 * Unknown, repeated and missing required fields are errors.
 */
static gboolean
read_fields (Loader       *self,
             yaml_node_t  *node,
             const char   *what,
             const Field  *fields,
             guint         n_fields,
             yaml_node_t **nodes,
             const char  **texts,
             GError      **error)
{
  memset (nodes, 0, n_fields * sizeof *nodes);
  if (texts != NULL)
    memset (texts, 0, n_fields * sizeof *texts);

  if (node->type != YAML_MAPPING_NODE)
    return fail (self, node, error, _("Expected %s here (a mapping of fields), not %s"),
                 what, node_name (node));

  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *key = get_node (self, pair->key);
      yaml_node_t *value = get_node (self, pair->value);
      const char *name;
      guint i;

      g_assert (key != NULL && value != NULL);

      if (key->type != YAML_SCALAR_NODE)
        return fail (self, key, error, _("Expected a field name in %s"), what);

      name = (const char *) key->data.scalar.value;
      for (i = 0; i < n_fields; i++)
        if (g_str_equal (name, fields[i].name))
          break;

      if (i == n_fields)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < n_fields; j++)
            g_string_append_printf (known, "%s%s", j > 0 ? ", " : "", fields[j].name);

          return fail (self, key, error, _("Unknown field “%s” in %s (the fields are: %s)"),
                       name, what, known->str);
        }

      if (nodes[i] != NULL)
        return fail (self, key, error, _("The field “%s” is given twice in %s"), name, what);

      nodes[i] = value;

      if (fields[i].text && !get_text (self, value, &texts[i], error))
        return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].required && nodes[i] == NULL)
      return fail (self, node, error, _("Missing required field “%s” in %s"),
                   fields[i].name, what);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Names of the enumerations                                           */

typedef enum
{
  NAMES_ROLE,
  NAMES_SLOT_KIND,
  NAMES_APPEARANCE_ROLE,
  NAMES_STATUS,
} NameSet;

static char *
join_names (NameSet set)
{
  GString *names = g_string_new (NULL);
  guint n = 0;

  switch (set)
    {
    case NAMES_ROLE:
      n = LECTERN_N_ROLES;
      break;
    case NAMES_SLOT_KIND:
      n = LECTERN_N_SLOT_KINDS;
      break;
    case NAMES_APPEARANCE_ROLE:
      n = LECTERN_N_APPEARANCE_ROLES;
      break;
    case NAMES_STATUS:
      n = LECTERN_N_STATUSES;
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < n; i++)
    {
      const char *name = NULL;

      switch (set)
        {
        case NAMES_ROLE:
          name = lectern_role_to_string (i);
          break;
        case NAMES_SLOT_KIND:
          name = lectern_slot_kind_to_string (i);
          break;
        case NAMES_APPEARANCE_ROLE:
          name = lectern_appearance_role_to_string (i);
          break;
        case NAMES_STATUS:
          name = lectern_status_to_string (i);
          break;
        default:
          g_assert_not_reached ();
        }

      if (name[0] == '\0')
        continue;

      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
    }

  return g_string_free (names, FALSE);
}

/* ------------------------------------------------------------------ */
/* Event                                                               */

enum
{
  EVENT_NAME,
  EVENT_SHORT_NAME,
  EVENT_CONFERENCE,
  EVENT_YEAR,
  EVENT_START_DATE,
  EVENT_END_DATE,
  EVENT_TIMEZONE,
  EVENT_VENUE,
  EVENT_ROOM,
  EVENT_ROOM_MAP_URL,
  EVENT_CONTACT_EMAIL,
  EVENT_SITE_URL,
  EVENT_OPENREVIEW_URL,
  EVENT_PLAN_HEADING,
  N_EVENT_FIELDS
};

static const Field event_fields[] = {
  [EVENT_NAME] = { "name", FALSE, TRUE },
  [EVENT_SHORT_NAME] = { "short_name", FALSE, TRUE },
  [EVENT_CONFERENCE] = { "conference", FALSE, TRUE },
  [EVENT_YEAR] = { "year", FALSE, FALSE },
  [EVENT_START_DATE] = { "start_date", FALSE, FALSE },
  [EVENT_END_DATE] = { "end_date", FALSE, FALSE },
  [EVENT_TIMEZONE] = { "timezone", FALSE, TRUE },
  [EVENT_VENUE] = { "venue", FALSE, TRUE },
  [EVENT_ROOM] = { "room", FALSE, TRUE },
  [EVENT_ROOM_MAP_URL] = { "room_map_url", FALSE, TRUE },
  [EVENT_CONTACT_EMAIL] = { "contact_email", FALSE, TRUE },
  [EVENT_SITE_URL] = { "site_url", FALSE, TRUE },
  [EVENT_OPENREVIEW_URL] = { "openreview_url", FALSE, TRUE },
  [EVENT_PLAN_HEADING] = { "plan_heading", FALSE, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (event_fields) == N_EVENT_FIELDS);

typedef void (*EventTextSetter) (LecternEvent *event,
                                 const char   *value);

static const EventTextSetter event_setters[N_EVENT_FIELDS] = {
  [EVENT_NAME] = lectern_event_set_name,
  [EVENT_SHORT_NAME] = lectern_event_set_short_name,
  [EVENT_CONFERENCE] = lectern_event_set_conference,
  [EVENT_TIMEZONE] = lectern_event_set_timezone,
  [EVENT_VENUE] = lectern_event_set_venue,
  [EVENT_ROOM] = lectern_event_set_room,
  [EVENT_ROOM_MAP_URL] = lectern_event_set_room_map_url,
  [EVENT_CONTACT_EMAIL] = lectern_event_set_contact_email,
  [EVENT_SITE_URL] = lectern_event_set_site_url,
  [EVENT_OPENREVIEW_URL] = lectern_event_set_openreview_url,
  [EVENT_PLAN_HEADING] = lectern_event_set_plan_heading,
};

static gboolean
load_event (Loader       *self,
            yaml_node_t  *node,
            GError      **error)
{
  g_autoptr(LecternEvent) event = NULL;
  yaml_node_t *nodes[N_EVENT_FIELDS];
  const char *texts[N_EVENT_FIELDS];
  GError *store_error = NULL;
  const char *date;

  if (!read_fields (self, node, _("the event"), event_fields, N_EVENT_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (texts[EVENT_TIMEZONE] != NULL)
    {
      GTimeZone *tz = g_time_zone_new_identifier (texts[EVENT_TIMEZONE]);

      if (tz == NULL)
        return fail (self, nodes[EVENT_TIMEZONE], error,
                     _("“%s” is not a known time zone: use an IANA name such as Pacific/Honolulu"),
                     texts[EVENT_TIMEZONE]);
      g_time_zone_unref (tz);
    }

  event = lectern_store_get_event (self->store, &store_error);
  if (event == NULL)
    return store_failed (self, node, store_error, error);

  for (guint i = 0; i < N_EVENT_FIELDS; i++)
    if (texts[i] != NULL && event_setters[i] != NULL)
      event_setters[i] (event, texts[i]);

  if (nodes[EVENT_YEAR] != NULL)
    {
      int year = 0;

      if (!get_int (self, nodes[EVENT_YEAR], "year", 1, 9999, &year, error))
        return FALSE;
      lectern_event_set_year (event, year);
    }

  if (nodes[EVENT_START_DATE] != NULL)
    {
      if (!get_date (self, nodes[EVENT_START_DATE], &date, error))
        return FALSE;
      lectern_event_set_start_date (event, date);
    }

  if (nodes[EVENT_END_DATE] != NULL)
    {
      if (!get_date (self, nodes[EVENT_END_DATE], &date, error))
        return FALSE;
      lectern_event_set_end_date (event, date);
    }

  if (!lectern_store_update_event (self->store, event, &store_error))
    return store_failed (self, node, store_error, error);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Sponsors                                                            */

enum
{
  SPONSOR_NAME,
  SPONSOR_SLUG,
  SPONSOR_URL,
  SPONSOR_LOGO,
  SPONSOR_TIER,
  SPONSOR_ARCHIVED,
  N_SPONSOR_FIELDS
};

static const Field sponsor_fields[] = {
  [SPONSOR_NAME] = { "name", TRUE, TRUE },
  [SPONSOR_SLUG] = { "slug", FALSE, TRUE },
  [SPONSOR_URL] = { "url", FALSE, TRUE },
  [SPONSOR_LOGO] = { "logo", FALSE, TRUE },
  [SPONSOR_TIER] = { "tier", FALSE, TRUE },
  [SPONSOR_ARCHIVED] = { "archived", FALSE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sponsor_fields) == N_SPONSOR_FIELDS);

static gboolean
load_sponsor (Loader       *self,
              yaml_node_t  *node,
              GError      **error)
{
  g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();
  yaml_node_t *nodes[N_SPONSOR_FIELDS];
  const char *texts[N_SPONSOR_FIELDS];
  GError *store_error = NULL;
  const char *name;
  gboolean archived = FALSE;

  if (!read_fields (self, node, _("a sponsor"), sponsor_fields, N_SPONSOR_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!get_nonempty_text (self, nodes[SPONSOR_NAME], "name", &name, error))
    return FALSE;

  if (nodes[SPONSOR_ARCHIVED] != NULL &&
      !get_bool (self, nodes[SPONSOR_ARCHIVED], "archived", &archived, error))
    return FALSE;

  lectern_sponsor_set_name (sponsor, name);
  if (texts[SPONSOR_SLUG] != NULL && texts[SPONSOR_SLUG][0] != '\0')
    lectern_sponsor_set_slug (sponsor, texts[SPONSOR_SLUG]);
  if (texts[SPONSOR_URL] != NULL)
    lectern_sponsor_set_url (sponsor, texts[SPONSOR_URL]);
  if (texts[SPONSOR_LOGO] != NULL)
    lectern_sponsor_set_logo_path (sponsor, texts[SPONSOR_LOGO]);
  if (texts[SPONSOR_TIER] != NULL)
    lectern_sponsor_set_tier (sponsor, texts[SPONSOR_TIER]);
  lectern_sponsor_set_archived (sponsor, archived);

  if (!lectern_store_add_sponsor (self->store, sponsor, &store_error))
    return store_failed (self, nodes[SPONSOR_SLUG] ? nodes[SPONSOR_SLUG] : node,
                         store_error, error);

  /* The store chose the slug when the file gave none. */
  g_hash_table_insert (self->sponsors,
                       g_strdup (lectern_sponsor_get_slug (sponsor)),
                       g_object_ref (sponsor));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* People and cards                                                    */

enum
{
  CARD_ROLE,
  CARD_SLUG,
  CARD_ARCHIVED,
  N_CARD_FIELDS
};

static const Field card_fields[] = {
  [CARD_ROLE] = { "role", TRUE, TRUE },
  [CARD_SLUG] = { "slug", FALSE, TRUE },
  [CARD_ARCHIVED] = { "archived", FALSE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (card_fields) == N_CARD_FIELDS);

static gboolean
load_card (Loader         *self,
           LecternPerson  *person,
           yaml_node_t    *node,
           GError        **error)
{
  g_autoptr(LecternCard) card = NULL;
  yaml_node_t *nodes[N_CARD_FIELDS];
  const char *texts[N_CARD_FIELDS];
  GError *store_error = NULL;
  LecternRole role;
  gboolean archived = FALSE;
  const char *slug;

  if (!read_fields (self, node, _("a card"), card_fields, N_CARD_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!lectern_role_from_string (texts[CARD_ROLE], &role))
    {
      g_autofree char *known = join_names (NAMES_ROLE);

      return fail (self, nodes[CARD_ROLE], error,
                   _("Unknown card role “%s” (the roles are: %s)"),
                   texts[CARD_ROLE], known);
    }

  if (nodes[CARD_ARCHIVED] != NULL &&
      !get_bool (self, nodes[CARD_ARCHIVED], "archived", &archived, error))
    return FALSE;

  slug = texts[CARD_SLUG] != NULL && texts[CARD_SLUG][0] != '\0' ? texts[CARD_SLUG] : NULL;

  card = lectern_store_add_card (self->store, person, role, slug, &store_error);
  if (card == NULL)
    return store_failed (self, nodes[CARD_SLUG] ? nodes[CARD_SLUG] : node,
                         store_error, error);

  if (archived)
    {
      lectern_card_set_archived (card, TRUE);
      if (!lectern_store_update_card (self->store, card, &store_error))
        return store_failed (self, nodes[CARD_ARCHIVED], store_error, error);
    }

  return TRUE;
}

enum
{
  PERSON_KEY,
  PERSON_NAME,
  PERSON_FIRST_NAME,
  PERSON_FAMILY_NAME,
  PERSON_AFFILIATION,
  PERSON_HOMEPAGE,
  PERSON_IMAGE,
  PERSON_BIO,
  PERSON_EMAIL,
  PERSON_STATUS,
  PERSON_NOTES,
  PERSON_CARDS,
  N_PERSON_FIELDS
};

static const Field person_fields[] = {
  [PERSON_KEY] = { "key", TRUE, TRUE },
  [PERSON_NAME] = { "name", TRUE, TRUE },
  [PERSON_FIRST_NAME] = { "first_name", FALSE, TRUE },
  [PERSON_FAMILY_NAME] = { "family_name", FALSE, TRUE },
  [PERSON_AFFILIATION] = { "affiliation", FALSE, TRUE },
  [PERSON_HOMEPAGE] = { "homepage", FALSE, TRUE },
  [PERSON_IMAGE] = { "image", FALSE, TRUE },
  [PERSON_BIO] = { "bio", FALSE, TRUE },
  [PERSON_EMAIL] = { "email", FALSE, TRUE },
  [PERSON_STATUS] = { "status", FALSE, TRUE },
  [PERSON_NOTES] = { "notes", FALSE, TRUE },
  [PERSON_CARDS] = { "cards", FALSE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (person_fields) == N_PERSON_FIELDS);

typedef void (*PersonTextSetter) (LecternPerson *person,
                                  const char    *value);

static const PersonTextSetter person_setters[N_PERSON_FIELDS] = {
  [PERSON_FIRST_NAME] = lectern_person_set_first_name,
  [PERSON_FAMILY_NAME] = lectern_person_set_family_name,
  [PERSON_AFFILIATION] = lectern_person_set_affiliation,
  [PERSON_HOMEPAGE] = lectern_person_set_homepage,
  [PERSON_IMAGE] = lectern_person_set_image_path,
  [PERSON_BIO] = lectern_person_set_bio,
  [PERSON_EMAIL] = lectern_person_set_email,
  [PERSON_NOTES] = lectern_person_set_notes,
};

static gboolean
load_person (Loader       *self,
             yaml_node_t  *node,
             GError      **error)
{
  g_autoptr(LecternPerson) person = lectern_person_new ();
  yaml_node_t *nodes[N_PERSON_FIELDS];
  const char *texts[N_PERSON_FIELDS];
  GError *store_error = NULL;
  const char *key;
  const char *name;

  if (!read_fields (self, node, _("a person"), person_fields, N_PERSON_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!get_nonempty_text (self, nodes[PERSON_KEY], "key", &key, error) ||
      !get_nonempty_text (self, nodes[PERSON_NAME], "name", &name, error))
    return FALSE;

  if (g_hash_table_contains (self->people, key))
    return fail (self, nodes[PERSON_KEY], error,
                 _("The person key “%s” is used twice"), key);

  lectern_person_set_name (person, name);
  for (guint i = 0; i < N_PERSON_FIELDS; i++)
    if (texts[i] != NULL && person_setters[i] != NULL)
      person_setters[i] (person, texts[i]);

  if (texts[PERSON_STATUS] != NULL)
    {
      LecternStatus status;

      if (!lectern_status_from_string (texts[PERSON_STATUS], &status))
        {
          g_autofree char *known = join_names (NAMES_STATUS);

          return fail (self, nodes[PERSON_STATUS], error,
                       _("Unknown invitation status “%s” (the statuses are: %s)"),
                       texts[PERSON_STATUS], known);
        }
      lectern_person_set_status (person, status);
    }

  if (!lectern_store_add_person (self->store, person, &store_error))
    return store_failed (self, node, store_error, error);

  g_hash_table_insert (self->people, g_strdup (key), g_object_ref (person));

  if (nodes[PERSON_CARDS] != NULL && !scalar_is_null (nodes[PERSON_CARDS]))
    {
      yaml_node_t *cards = nodes[PERSON_CARDS];

      if (!expect_sequence (self, cards, "cards", error))
        return FALSE;

      for (yaml_node_item_t *item = cards->data.sequence.items.start;
           item < cards->data.sequence.items.top;
           item++)
        if (!load_card (self, person, get_node (self, *item), error))
          return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Schedule                                                            */

enum
{
  APPEARANCE_PERSON,
  APPEARANCE_ROLE,
  APPEARANCE_AFFILIATION,
  N_APPEARANCE_FIELDS
};

static const Field appearance_fields[] = {
  [APPEARANCE_PERSON] = { "person", TRUE, TRUE },
  [APPEARANCE_ROLE] = { "role", TRUE, TRUE },
  [APPEARANCE_AFFILIATION] = { "affiliation", FALSE, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (appearance_fields) == N_APPEARANCE_FIELDS);

static gboolean
load_appearance (Loader       *self,
                 LecternSlot  *slot,
                 yaml_node_t  *node,
                 GError      **error)
{
  yaml_node_t *nodes[N_APPEARANCE_FIELDS];
  const char *texts[N_APPEARANCE_FIELDS];
  LecternPerson *person;
  LecternAppearanceRole role;

  if (!read_fields (self, node, _("a person on a slot"), appearance_fields,
                    N_APPEARANCE_FIELDS, nodes, texts, error))
    return FALSE;

  person = g_hash_table_lookup (self->people, texts[APPEARANCE_PERSON]);
  if (person == NULL)
    return fail (self, nodes[APPEARANCE_PERSON], error,
                 _("Unknown person “%s”: every person must be listed under “people” with this key"),
                 texts[APPEARANCE_PERSON]);

  if (!lectern_appearance_role_from_string (texts[APPEARANCE_ROLE], &role))
    {
      g_autofree char *known = join_names (NAMES_APPEARANCE_ROLE);

      return fail (self, nodes[APPEARANCE_ROLE], error,
                   _("Unknown role “%s” on a slot (the roles are: %s)"),
                   texts[APPEARANCE_ROLE], known);
    }

  lectern_slot_add_appearance (slot, lectern_person_get_id (person), role,
                               texts[APPEARANCE_AFFILIATION]);
  return TRUE;
}

enum
{
  LINK_KIND,
  LINK_URL,
  N_LINK_FIELDS
};

static const Field link_fields[] = {
  [LINK_KIND] = { "kind", TRUE, TRUE },
  [LINK_URL] = { "url", TRUE, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (link_fields) == N_LINK_FIELDS);

static gboolean
load_link (Loader       *self,
           LecternSlot  *slot,
           yaml_node_t  *node,
           GError      **error)
{
  yaml_node_t *nodes[N_LINK_FIELDS];
  const char *texts[N_LINK_FIELDS];
  const char *kind;
  const char *url;

  if (!read_fields (self, node, _("a link"), link_fields, N_LINK_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!get_nonempty_text (self, nodes[LINK_KIND], "kind", &kind, error) ||
      !get_nonempty_text (self, nodes[LINK_URL], "url", &url, error))
    return FALSE;

  lectern_slot_add_link (slot, kind, url);
  return TRUE;
}

enum
{
  SLOT_TIME,
  SLOT_DURATION,
  SLOT_KIND,
  SLOT_EMOJI,
  SLOT_TITLE,
  SLOT_ABSTRACT,
  SLOT_NOTE,
  SLOT_NOTE_LINK_TEXT,
  SLOT_NOTE_URL,
  SLOT_SPONSOR,
  SLOT_PEOPLE,
  SLOT_LINKS,
  N_SLOT_FIELDS
};

static const Field slot_fields[] = {
  [SLOT_TIME] = { "time", TRUE, FALSE },
  [SLOT_DURATION] = { "duration", TRUE, FALSE },
  [SLOT_KIND] = { "kind", TRUE, TRUE },
  [SLOT_EMOJI] = { "emoji", FALSE, TRUE },
  [SLOT_TITLE] = { "title", FALSE, TRUE },
  [SLOT_ABSTRACT] = { "abstract", FALSE, TRUE },
  [SLOT_NOTE] = { "note", FALSE, TRUE },
  [SLOT_NOTE_LINK_TEXT] = { "note_link_text", FALSE, TRUE },
  [SLOT_NOTE_URL] = { "note_url", FALSE, TRUE },
  [SLOT_SPONSOR] = { "sponsor", FALSE, TRUE },
  [SLOT_PEOPLE] = { "people", FALSE, FALSE },
  [SLOT_LINKS] = { "links", FALSE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (slot_fields) == N_SLOT_FIELDS);

typedef void (*SlotTextSetter) (LecternSlot *slot,
                                const char  *value);

static const SlotTextSetter slot_setters[N_SLOT_FIELDS] = {
  [SLOT_EMOJI] = lectern_slot_set_emoji,
  [SLOT_TITLE] = lectern_slot_set_title,
  [SLOT_ABSTRACT] = lectern_slot_set_abstract,
  [SLOT_NOTE] = lectern_slot_set_note,
  [SLOT_NOTE_LINK_TEXT] = lectern_slot_set_note_link_text,
  [SLOT_NOTE_URL] = lectern_slot_set_note_url,
};

static gboolean
load_slot (Loader       *self,
           yaml_node_t  *node,
           gint64        day_id,
           gint64        session_id,
           GError      **error)
{
  g_autoptr(LecternSlot) slot = lectern_slot_new ();
  yaml_node_t *nodes[N_SLOT_FIELDS];
  const char *texts[N_SLOT_FIELDS];
  GError *store_error = NULL;
  LecternSlotKind kind;
  int duration = 0;
  int start = 0;

  if (!read_fields (self, node, _("a slot"), slot_fields, N_SLOT_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!get_time (self, nodes[SLOT_TIME], &start, error) ||
      !get_int (self, nodes[SLOT_DURATION], "duration", 0, 24 * 60, &duration, error))
    return FALSE;

  if (!lectern_slot_kind_from_string (texts[SLOT_KIND], &kind))
    {
      g_autofree char *known = join_names (NAMES_SLOT_KIND);

      return fail (self, nodes[SLOT_KIND], error,
                   _("Unknown kind of slot “%s” (the kinds are: %s)"),
                   texts[SLOT_KIND], known);
    }

  lectern_slot_set_day_id (slot, day_id);
  lectern_slot_set_session_id (slot, session_id);
  lectern_slot_set_start (slot, start);
  lectern_slot_set_duration (slot, duration);
  lectern_slot_set_kind (slot, kind);

  for (guint i = 0; i < N_SLOT_FIELDS; i++)
    if (texts[i] != NULL && slot_setters[i] != NULL)
      slot_setters[i] (slot, texts[i]);

  if (texts[SLOT_SPONSOR] != NULL && texts[SLOT_SPONSOR][0] != '\0')
    {
      LecternSponsor *sponsor = g_hash_table_lookup (self->sponsors, texts[SLOT_SPONSOR]);

      if (sponsor == NULL)
        return fail (self, nodes[SLOT_SPONSOR], error,
                     _("Unknown sponsor “%s”: every sponsor must be listed under “sponsors” with this slug"),
                     texts[SLOT_SPONSOR]);

      lectern_slot_set_sponsor_id (slot, lectern_sponsor_get_id (sponsor));
    }

  if (nodes[SLOT_PEOPLE] != NULL && !scalar_is_null (nodes[SLOT_PEOPLE]))
    {
      yaml_node_t *people = nodes[SLOT_PEOPLE];

      if (!expect_sequence (self, people, "people", error))
        return FALSE;

      for (yaml_node_item_t *item = people->data.sequence.items.start;
           item < people->data.sequence.items.top;
           item++)
        if (!load_appearance (self, slot, get_node (self, *item), error))
          return FALSE;
    }

  if (nodes[SLOT_LINKS] != NULL && !scalar_is_null (nodes[SLOT_LINKS]))
    {
      yaml_node_t *links = nodes[SLOT_LINKS];

      if (!expect_sequence (self, links, "links", error))
        return FALSE;

      for (yaml_node_item_t *item = links->data.sequence.items.start;
           item < links->data.sequence.items.top;
           item++)
        if (!load_link (self, slot, get_node (self, *item), error))
          return FALSE;
    }

  if (!lectern_store_add_slot (self->store, slot, &store_error))
    return store_failed (self, node, store_error, error);

  return TRUE;
}

enum
{
  SESSION_TITLE,
  SESSION_EMOJI,
  SESSION_SLOTS,
  N_SESSION_FIELDS
};

static const Field session_fields[] = {
  [SESSION_TITLE] = { "session", TRUE, TRUE },
  [SESSION_EMOJI] = { "emoji", FALSE, TRUE },
  [SESSION_SLOTS] = { "slots", TRUE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (session_fields) == N_SESSION_FIELDS);

static gboolean
load_session (Loader       *self,
              yaml_node_t  *node,
              gint64        day_id,
              GError      **error)
{
  g_autoptr(LecternSession) session = NULL;
  yaml_node_t *nodes[N_SESSION_FIELDS];
  const char *texts[N_SESSION_FIELDS];
  GError *store_error = NULL;
  yaml_node_t *slots;
  const char *title;

  if (!read_fields (self, node, _("a session"), session_fields, N_SESSION_FIELDS,
                    nodes, texts, error))
    return FALSE;

  if (!get_nonempty_text (self, nodes[SESSION_TITLE], "session", &title, error))
    return FALSE;

  slots = nodes[SESSION_SLOTS];
  if (!expect_sequence (self, slots, "slots", error))
    return FALSE;

  /* Its time is that of its first slot: without one it has no place. */
  if (slots->data.sequence.items.start == slots->data.sequence.items.top)
    return fail (self, slots, error, _("The session “%s” has no slots"), title);

  session = lectern_store_add_session (self->store, day_id, title,
                                       texts[SESSION_EMOJI] ? texts[SESSION_EMOJI] : "",
                                       &store_error);
  if (session == NULL)
    return store_failed (self, node, store_error, error);

  for (yaml_node_item_t *item = slots->data.sequence.items.start;
       item < slots->data.sequence.items.top;
       item++)
    if (!load_slot (self, get_node (self, *item), day_id,
                    lectern_session_get_id (session), error))
      return FALSE;

  return TRUE;
}

/* The day with that date, added when the store has none yet. */
static gint64
find_or_add_day (Loader       *self,
                 yaml_node_t  *node,
                 const char   *date,
                 GError      **error)
{
  g_autoptr(GListModel) days = NULL;
  g_autoptr(LecternDay) day = NULL;
  GError *store_error = NULL;

  days = lectern_store_list_days (self->store, &store_error);
  if (days == NULL)
    {
      store_failed (self, node, store_error, error);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(LecternDay) existing = g_list_model_get_item (days, i);

      if (g_strcmp0 (lectern_day_get_date (existing), date) == 0)
        return lectern_day_get_id (existing);
    }

  day = lectern_store_add_day (self->store, date, &store_error);
  if (day == NULL)
    {
      store_failed (self, node, store_error, error);
      return 0;
    }

  return lectern_day_get_id (day);
}

enum
{
  DAY_DATE,
  DAY_ITEMS,
  N_DAY_FIELDS
};

static const Field day_fields[] = {
  [DAY_DATE] = { "date", TRUE, FALSE },
  [DAY_ITEMS] = { "items", TRUE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (day_fields) == N_DAY_FIELDS);

static gboolean
load_day (Loader       *self,
          yaml_node_t  *node,
          GError      **error)
{
  yaml_node_t *nodes[N_DAY_FIELDS];
  yaml_node_t *items;
  const char *date;
  gint64 day_id;

  if (!read_fields (self, node, _("a day of the schedule"), day_fields, N_DAY_FIELDS,
                    nodes, NULL, error))
    return FALSE;

  if (!get_date (self, nodes[DAY_DATE], &date, error))
    return FALSE;

  items = nodes[DAY_ITEMS];
  if (!scalar_is_null (items) && !expect_sequence (self, items, "items", error))
    return FALSE;

  day_id = find_or_add_day (self, nodes[DAY_DATE], date, error);
  if (day_id == 0)
    return FALSE;

  if (scalar_is_null (items))
    return TRUE;

  for (yaml_node_item_t *item = items->data.sequence.items.start;
       item < items->data.sequence.items.top;
       item++)
    {
      yaml_node_t *entry = get_node (self, *item);
      gboolean ok;

      if (mapping_lookup (self, entry, "session") != NULL)
        ok = load_session (self, entry, day_id, error);
      else
        ok = load_slot (self, entry, day_id, 0, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

#define VERSION_KEY "lectern-workshop"

enum
{
  TOP_VERSION,
  TOP_EVENT,
  TOP_PEOPLE,
  TOP_SPONSORS,
  TOP_SCHEDULE,
  N_TOP_FIELDS
};

static const Field top_fields[] = {
  [TOP_VERSION] = { VERSION_KEY, TRUE, FALSE },
  [TOP_EVENT] = { "event", FALSE, FALSE },
  [TOP_PEOPLE] = { "people", FALSE, FALSE },
  [TOP_SPONSORS] = { "sponsors", FALSE, FALSE },
  [TOP_SCHEDULE] = { "schedule", FALSE, FALSE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (top_fields) == N_TOP_FIELDS);

typedef gboolean (*ItemLoader) (Loader       *self,
                                yaml_node_t  *node,
                                GError      **error);

static gboolean
load_list (Loader       *self,
           yaml_node_t  *node,
           const char   *field,
           ItemLoader    load_item,
           GError      **error)
{
  if (node == NULL || scalar_is_null (node))
    return TRUE;

  if (!expect_sequence (self, node, field, error))
    return FALSE;

  for (yaml_node_item_t *item = node->data.sequence.items.start;
       item < node->data.sequence.items.top;
       item++)
    if (!load_item (self, get_node (self, *item), error))
      return FALSE;

  return TRUE;
}

/* The version comes first, so that a newer file is reported as such
 * rather than by the first field this Lectern does not know.
 */
static gboolean
check_version (Loader       *self,
               yaml_node_t  *root,
               GError      **error)
{
  yaml_node_t *value;
  int version = 0;

  if (root == NULL)
    return fail (self, NULL, error, _("The file is empty"));

  value = mapping_lookup (self, root, VERSION_KEY);
  if (value == NULL)
    return fail (self, root, error,
                 _("This is not a Lectern workshop file: it does not start with “%s: %d”"),
                 VERSION_KEY, LECTERN_WORKSHOP_FORMAT_VERSION);

  if (!get_int (self, value, VERSION_KEY, 1, G_MAXINT, &version, error))
    return FALSE;

  if (version > LECTERN_WORKSHOP_FORMAT_VERSION)
    return fail (self, value, error,
                 _("This file is in version %d of the workshop format, which is newer than this Lectern reads (up to version %d): update Lectern to load it"),
                 version, LECTERN_WORKSHOP_FORMAT_VERSION);

  return TRUE;
}

static gboolean
load_document (Loader       *self,
               GError      **error)
{
  yaml_node_t *root = yaml_document_get_root_node (self->doc);
  yaml_node_t *nodes[N_TOP_FIELDS];

  /* check_version() has vouched for the root. */
  if (!read_fields (self, root, _("the workshop file"), top_fields, N_TOP_FIELDS,
                    nodes, NULL, error))
    return FALSE;

  /* Sponsors before the schedule, which refers to them; people likewise. */
  if (nodes[TOP_EVENT] != NULL && !scalar_is_null (nodes[TOP_EVENT]) &&
      !load_event (self, nodes[TOP_EVENT], error))
    return FALSE;

  return load_list (self, nodes[TOP_SPONSORS], "sponsors", load_sponsor, error) &&
         load_list (self, nodes[TOP_PEOPLE], "people", load_person, error) &&
         load_list (self, nodes[TOP_SCHEDULE], "schedule", load_day, error);
}

/**
 * lectern_workshop_loader_load:
 * @store: the workshop file to add to, usually a new one
 * @yaml: the workshop in the lectern-workshop YAML format
 * @source_name: what to call @yaml in error messages (a file name)
 * @error: return location for a #GError
 *
 * Adds the event details, people, cards, sponsors and schedule that
 * @yaml describes to @store, in one transaction. On error nothing is
 * added, and @error (G_IO_ERROR_INVALID_DATA for bad input) names
 * @source_name and the line at fault.
 *
 * Returns: %TRUE on success
 */
gboolean
lectern_workshop_loader_load (LecternStore  *store,
                              GBytes        *yaml,
                              const char    *source_name,
                              GError       **error)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_document_t extra;
  Loader loader = { 0 };
  const char *data;
  gsize size = 0;
  gboolean ok;

  g_return_val_if_fail (LECTERN_IS_STORE (store), FALSE);
  g_return_val_if_fail (yaml != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source_name == NULL)
    source_name = _("workshop data");

  data = g_bytes_get_data (yaml, &size);
  if (data == NULL)
    data = "";

  if (!yaml_parser_initialize (&parser))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read %s: out of memory"), source_name);
      return FALSE;
    }

  yaml_parser_set_input_string (&parser, (const unsigned char *) data, size);

  if (!yaml_parser_load (&parser, &doc))
    {
      set_parse_error (&parser, source_name, data, size, error);
      yaml_parser_delete (&parser);
      return FALSE;
    }

  loader.store = store;
  loader.doc = &doc;
  loader.source = source_name;

  /* A second document would be ignored silently: refuse it. */
  if (!yaml_parser_load (&parser, &extra))
    {
      set_parse_error (&parser, source_name, data, size, error);
      yaml_parser_delete (&parser);
      yaml_document_delete (&doc);
      return FALSE;
    }

  if (yaml_document_get_root_node (&extra) != NULL)
    {
      fail (&loader, yaml_document_get_root_node (&extra), error,
            _("The file holds more than one YAML document"));
      yaml_document_delete (&extra);
      yaml_parser_delete (&parser);
      yaml_document_delete (&doc);
      return FALSE;
    }

  yaml_document_delete (&extra);
  yaml_parser_delete (&parser);

  loader.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  loader.sponsors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  ok = check_version (&loader, yaml_document_get_root_node (&doc), error);

  if (ok)
    ok = lectern_store_begin_action (store, _("Import workshop"), error);

  if (ok)
    {
      ok = load_document (&loader, error) && lectern_store_fit_day_hours (store, error);
      if (ok)
        ok = lectern_store_commit (store, error);  /* rolls back if it fails */
      else
        lectern_store_rollback (store);
    }

  g_hash_table_unref (loader.people);
  g_hash_table_unref (loader.sponsors);
  yaml_document_delete (&doc);

  return ok;
}

/**
 * lectern_workshop_loader_load_resource:
 * @store: the workshop file to add to, usually a new one
 * @resource_path: a GResource path, such as %LECTERN_DEMO_RESOURCE
 * @error: return location for a #GError
 *
 * Like lectern_workshop_loader_load(), for a file compiled into Lectern.
 *
 * Returns: %TRUE on success
 */
gboolean
lectern_workshop_loader_load_resource (LecternStore  *store,
                                       const char    *resource_path,
                                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *source_name = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  source_name = g_strconcat ("resource://", resource_path, NULL);

  return lectern_workshop_loader_load (store, bytes, source_name, error);
}
