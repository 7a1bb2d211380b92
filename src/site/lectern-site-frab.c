/* lectern-site-frab.c: the program for conference apps, as frab's
 * schedule.xml and the c3voc schedule.json
 *
 * Giggity, EventFahrplan, ConfClerk and the C3VOC tools read these two
 * formats (the schemas are in ../shared/reference/c3voc/). Both come
 * from one pass over the schedule, so they never disagree:
 *  - the conference: title, acronym (the short name and year, as the
 *    schemas' patterns allow), first and last day, the number of days,
 *    the grid step as timeslot_duration, the time zone, the site;
 *  - per day and room, its events: id (the slot's), guid (UUID5 of the
 *    workshop's own identifier and the slot: stable across exports and
 *    edits), date with its UTC offset, start, duration, title, type (the
 *    slot's kind), track (its session), abstract, slug, persons (each
 *    with its own UUID5), links;
 *  - version: a hash of everything above, so it changes exactly when the
 *    schedule does.
 * The JSON is built with json-glib; the XML's text goes through
 * g_markup_escape_text(), so hostile text stays literal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-frab.h"

/**
 * lectern_site_uuid5:
 * @namespace_uuid: a UUID
 * @name: any text
 *
 * Returns: (transfer full): the name-based UUID (version 5, SHA-1) of
 *   @name in @namespace_uuid, as RFC 4122 defines it
 */
char *
lectern_site_uuid5 (const char *namespace_uuid,
                    const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16], digest[20];
  gsize len = sizeof digest;
  int n = 0;

  g_return_val_if_fail (g_uuid_string_is_valid (namespace_uuid), NULL);

  for (const char *p = namespace_uuid; *p != '\0' && n < 16; p++)
    if (*p != '-')
      {
        ns[n] = (guint8) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));
        n++, p++;
      }

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                          digest[7], digest[8], digest[9], digest[10], digest[11], digest[12], digest[13],
                          digest[14], digest[15]);
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

/* "es-fomo-2023-42-using-megatron": lowercase letters, digits, dashes */
static char *
slug_of (const char *acronym,
         gint64      id,
         const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  GString *slug = g_string_new (NULL);

  g_string_append_printf (slug, "%s-%" G_GINT64_FORMAT "-", acronym, id);
  for (const char *p = ascii; *p != '\0' && slug->len < 80; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (g_str_has_suffix (slug->str, "-") || slug->len < strlen (acronym) + 6)
    g_string_append (slug, "-talk");
  return g_string_free (slug, FALSE);
}

/* "esfomo2023": the schemas want [a-z0-9_], four or more */
static char *
acronym_of (LecternEvent *event)
{
  const char *base = nonempty (lectern_event_get_short_name (event)) ? lectern_event_get_short_name (event)
                                                                      : lectern_event_get_name (event);
  g_autofree char *ascii = g_str_to_ascii (base != NULL ? base : "", "C");
  GString *acronym = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && acronym->len < 24; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (acronym, g_ascii_tolower (*p));
  if (lectern_event_get_year (event) > 0)
    g_string_append_printf (acronym, "%d", lectern_event_get_year (event));
  while (acronym->len < 4)
    g_string_append_c (acronym, '_');
  return g_string_free (acronym, FALSE);
}

static char *
clock_of (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static GDateTime *
moment (GTimeZone  *tz,
        const char *date,
        int         minutes)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) midnight = NULL;

  if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !(midnight = g_date_time_new (tz, y, m, d, 0, 0, 0)))
    return NULL;
  return g_date_time_add_minutes (midnight, minutes);
}

static char *
stamp (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
xml_element (GString    *out,
             const char *indent,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, escaped, name);
}

/* A person's UUID5, made once per person */
static const char *
person_guid (GHashTable *cache,
             const char *uuid,
             gint64      person_id)
{
  char *guid = g_hash_table_lookup (cache, &person_id);

  if (guid == NULL)
    {
      g_autofree char *key = g_strdup_printf ("person-%" G_GINT64_FORMAT, person_id);

      guid = lectern_site_uuid5 (uuid, key);
      g_hash_table_insert (cache, g_memdup2 (&person_id, sizeof person_id), guid);
    }

  return guid;
}

/* The slot's room's name (interned: the same name, the same pointer) */
static const char *
room_name (LecternProgramData *data,
           LecternSlot        *slot,
           const char         *fallback)
{
  LecternRoom *room = lectern_program_data_room (data, slot);

  return room != NULL ? g_intern_string (lectern_room_get_name (room)) : fallback;
}

/**
 * lectern_site_render_frab:
 * @xml: (out) (optional): schedule.xml
 * @json: (out) (optional): schedule.json
 */
gboolean
lectern_site_render_frab (LecternStore  *store,
                          char         **xml,
                          char         **json,
                          GError       **error)
{
  g_autoptr(LecternProgramData) data = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), FALSE);

  if (!(data = lectern_program_data_read (store, error)))
    return FALSE;

  return lectern_site_format_frab (data, xml, json, error);
}

/**
 * lectern_site_format_frab:
 * @data: the program, as read (lectern_program_data_read())
 * @xml: (out) (optional): schedule.xml
 * @json: (out) (optional): schedule.json
 *
 * The two files from a program already read; reads nothing else, and
 * may run on another thread than the one that read @data.
 */
gboolean
lectern_site_format_frab (LecternProgramData  *data,
                          char               **xml,
                          char               **json,
                          GError             **error)
{
  LecternEvent *event;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GString) x = g_string_new (NULL);
  g_autoptr(GString) x_days = g_string_new (NULL);
  g_autoptr(JsonBuilder) j_days = json_builder_new ();
  g_autoptr(GChecksum) version = g_checksum_new (G_CHECKSUM_SHA1);
  g_autoptr(GHashTable) room_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) person_guids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const char *uuid;
  g_autofree char *acronym = NULL;
  g_autofree char *step = NULL;
  const char *fallback_room;
  const char *site_url;
  const char *first_date = NULL, *last_date = NULL;
  guint n_days = 0;

  g_return_val_if_fail (data != NULL, FALSE);

  event = data->event;
  if (!(uuid = data->uuid))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NEWER_FILE,
                   _("“%s” has no identifier for its schedule; open it once with this version of Lectern "
                     "to upgrade it. Nothing was written."), data->path);
      return FALSE;
    }

  tz = g_time_zone_new_identifier (nonempty (lectern_event_get_timezone (event)) ? lectern_event_get_timezone (event) : "UTC");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  acronym = acronym_of (event);
  step = clock_of (MAX (lectern_event_get_grid_step (event), 5));
  fallback_room = nonempty (lectern_event_get_room (event)) ? lectern_event_get_room (event) : "Main room";
  site_url = nonempty (lectern_event_get_site_url (event));

  json_builder_begin_array (j_days);

  for (guint d = 0; d < data->days->len; d++)
    {
      LecternDay *day = g_ptr_array_index (data->days, d);
      GPtrArray *slots = g_ptr_array_index (data->day_slots, d);
      g_autoptr(GPtrArray) day_rooms = g_ptr_array_new ();
      g_autoptr(GPtrArray) slot_rooms = g_ptr_array_new ();   /* each slot's room's name, or NULL */
      g_autoptr(GDateTime) day_start = NULL;
      g_autoptr(GDateTime) day_end = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      const char *date = g_intern_string (lectern_day_get_date (day));
      int first = 24 * 60, last = 0;

      for (guint i = 0; i < slots->len; i++)
        {
          LecternSlot *slot = g_ptr_array_index (slots, i);
          const char *name;
          gboolean known = FALSE;

          g_ptr_array_add (slot_rooms, NULL);
          if (!lectern_slot_is_scheduled (slot))
            continue;
          first = MIN (first, lectern_slot_get_start (slot));
          last = MAX (last, lectern_slot_get_end (slot));
          name = room_name (data, slot, fallback_room);
          slot_rooms->pdata[i] = (gpointer) name;
          for (guint r = 0; r < day_rooms->len; r++)
            known |= g_ptr_array_index (day_rooms, r) == name;
          if (!known)
            g_ptr_array_add (day_rooms, (gpointer) name);
          g_hash_table_add (room_names, (gpointer) name);
        }
      if (day_rooms->len == 0)
        continue;

      n_days++;
      first_date = first_date != NULL ? first_date : date;
      last_date = date;
      day_start = moment (tz, date, first);
      day_end = moment (tz, date, last);
      if (day_start == NULL || day_end == NULL)
        continue;
      start_text = stamp (day_start);
      end_text = stamp (day_end);

      g_string_append_printf (x_days, "  <day index=\"%u\" date=\"%s\" start=\"%s\" end=\"%s\">\n",
                              n_days, date, start_text, end_text);
      json_builder_begin_object (j_days);
      json_builder_set_member_name (j_days, "index");
      json_builder_add_int_value (j_days, n_days);
      json_builder_set_member_name (j_days, "date");
      json_builder_add_string_value (j_days, date);
      json_builder_set_member_name (j_days, "day_start");
      json_builder_add_string_value (j_days, start_text);
      json_builder_set_member_name (j_days, "day_end");
      json_builder_add_string_value (j_days, end_text);
      json_builder_set_member_name (j_days, "rooms");
      json_builder_begin_object (j_days);

      for (guint r = 0; r < day_rooms->len; r++)
        {
          const char *room = g_ptr_array_index (day_rooms, r);
          g_autofree char *room_guid = lectern_site_uuid5 (uuid, room);
          g_autofree char *room_escaped = g_markup_escape_text (room, -1);

          g_string_append_printf (x_days, "    <room name=\"%s\" guid=\"%s\">\n", room_escaped, room_guid);
          json_builder_set_member_name (j_days, room);
          json_builder_begin_array (j_days);

          for (guint i = 0; i < slots->len; i++)
            {
              LecternSlot *slot = g_ptr_array_index (slots, i);
              LecternSession *session;
              g_autofree char *id_text = NULL;
              g_autofree char *guid = NULL;
              g_autofree char *slug = NULL;
              g_autofree char *start = NULL;
              g_autofree char *duration = NULL;
              g_autofree char *date_text = NULL;
              g_autoptr(GDateTime) when = NULL;
              GPtrArray *people = lectern_slot_get_appearances (slot);
              GPtrArray *links = lectern_slot_get_links (slot);
              const char *track;
              const char *type = lectern_slot_kind_to_string (lectern_slot_get_kind (slot));
              const char *abstract = lectern_slot_get_abstract (slot);

              if (g_ptr_array_index (slot_rooms, i) != room)
                continue;

              id_text = g_strdup_printf ("slot-%" G_GINT64_FORMAT, lectern_slot_get_id (slot));
              guid = lectern_site_uuid5 (uuid, id_text);
              slug = slug_of (acronym, lectern_slot_get_id (slot), lectern_slot_get_title (slot));
              start = clock_of (lectern_slot_get_start (slot));
              duration = clock_of (lectern_slot_get_duration (slot));
              when = moment (tz, date, lectern_slot_get_start (slot));
              date_text = when != NULL ? stamp (when) : g_strdup (start_text);
              session = lectern_program_data_session (data, slot);
              track = session != NULL ? lectern_session_get_title (session) : type;

              g_checksum_update (version, (const guchar *) guid, -1);
              g_checksum_update (version, (const guchar *) date_text, -1);
              g_checksum_update (version, (const guchar *) duration, -1);
              g_checksum_update (version, (const guchar *) lectern_slot_get_title (slot), -1);
              g_checksum_update (version, (const guchar *) room, -1);

              /* schedule.xml */
              g_string_append_printf (x_days, "      <event id=\"%" G_GINT64_FORMAT "\" guid=\"%s\">\n",
                                      lectern_slot_get_id (slot), guid);
              xml_element (x_days, "        ", "room", room);
              xml_element (x_days, "        ", "title", lectern_slot_get_title (slot));
              xml_element (x_days, "        ", "subtitle", "");
              xml_element (x_days, "        ", "type", type);
              xml_element (x_days, "        ", "date", date_text);
              xml_element (x_days, "        ", "start", start);
              xml_element (x_days, "        ", "duration", duration);
              xml_element (x_days, "        ", "abstract", abstract);
              xml_element (x_days, "        ", "slug", slug);
              xml_element (x_days, "        ", "track", track);
              xml_element (x_days, "        ", "language", "en");
              g_string_append (x_days, "        <persons>\n");
              for (guint p = 0; p < people->len; p++)
                {
                  const LecternAppearance *a = g_ptr_array_index (people, p);
                  const char *pguid = person_guid (person_guids, uuid, a->person_id);
                  g_autofree char *name = g_markup_escape_text (a->name != NULL ? a->name : "", -1);

                  g_string_append_printf (x_days, "          <person id=\"%" G_GINT64_FORMAT "\" guid=\"%s\">%s</person>\n",
                                          a->person_id, pguid, name);
                }
              g_string_append (x_days, "        </persons>\n        <links>\n");
              for (guint l = 0; l < links->len; l++)
                {
                  const LecternLink *link = g_ptr_array_index (links, l);
                  g_autofree char *href = g_markup_escape_text (link->url, -1);
                  g_autofree char *kind = g_markup_escape_text (link->kind, -1);

                  g_string_append_printf (x_days, "          <link href=\"%s\">%s</link>\n", href, kind);
                }
              g_string_append (x_days, "        </links>\n");
              if (site_url != NULL)
                xml_element (x_days, "        ", "url", site_url);
              g_string_append (x_days, "      </event>\n");

              /* schedule.json */
              json_builder_begin_object (j_days);
              json_builder_set_member_name (j_days, "guid");
              json_builder_add_string_value (j_days, guid);
              json_builder_set_member_name (j_days, "id");
              json_builder_add_int_value (j_days, lectern_slot_get_id (slot));
              json_builder_set_member_name (j_days, "date");
              json_builder_add_string_value (j_days, date_text);
              json_builder_set_member_name (j_days, "start");
              json_builder_add_string_value (j_days, start);
              json_builder_set_member_name (j_days, "duration");
              json_builder_add_string_value (j_days, duration);
              json_builder_set_member_name (j_days, "room");
              json_builder_add_string_value (j_days, room);
              json_builder_set_member_name (j_days, "slug");
              json_builder_add_string_value (j_days, slug);
              json_builder_set_member_name (j_days, "url");
              json_builder_add_string_value (j_days, site_url != NULL ? site_url : "https://localhost/");
              json_builder_set_member_name (j_days, "title");
              json_builder_add_string_value (j_days, lectern_slot_get_title (slot));
              json_builder_set_member_name (j_days, "subtitle");
              json_builder_add_string_value (j_days, "");
              json_builder_set_member_name (j_days, "track");
              json_builder_add_string_value (j_days, track);
              json_builder_set_member_name (j_days, "type");
              json_builder_add_string_value (j_days, type);
              json_builder_set_member_name (j_days, "language");
              json_builder_add_string_value (j_days, "en");
              json_builder_set_member_name (j_days, "abstract");
              json_builder_add_string_value (j_days, abstract != NULL ? abstract : "");
              json_builder_set_member_name (j_days, "persons");
              json_builder_begin_array (j_days);
              for (guint p = 0; p < people->len; p++)
                {
                  const LecternAppearance *a = g_ptr_array_index (people, p);
                  const char *pguid = person_guid (person_guids, uuid, a->person_id);

                  json_builder_begin_object (j_days);
                  json_builder_set_member_name (j_days, "id");
                  json_builder_add_int_value (j_days, a->person_id);
                  json_builder_set_member_name (j_days, "guid");
                  json_builder_add_string_value (j_days, pguid);
                  json_builder_set_member_name (j_days, "public_name");
                  json_builder_add_string_value (j_days, a->name != NULL ? a->name : "");
                  json_builder_end_object (j_days);
                }
              json_builder_end_array (j_days);
              json_builder_set_member_name (j_days, "links");
              json_builder_begin_array (j_days);
              for (guint l = 0; l < links->len; l++)
                {
                  const LecternLink *link = g_ptr_array_index (links, l);
                  static const char *types[] = { "slides", "paper", "web", "blog", "article", "media", "related" };
                  const char *type_of = "related";

                  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
                    if (g_strcmp0 (link->kind, types[t]) == 0)
                      type_of = types[t];
                  if (g_strcmp0 (link->kind, "video") == 0)
                    type_of = "media";

                  json_builder_begin_object (j_days);
                  json_builder_set_member_name (j_days, "url");
                  json_builder_add_string_value (j_days, link->url);
                  json_builder_set_member_name (j_days, "type");
                  json_builder_add_string_value (j_days, type_of);
                  json_builder_set_member_name (j_days, "title");
                  json_builder_add_string_value (j_days, link->kind);
                  json_builder_end_object (j_days);
                }
              json_builder_end_array (j_days);
              json_builder_end_object (j_days);
            }

          g_string_append (x_days, "    </room>\n");
          json_builder_end_array (j_days);
        }

      g_string_append (x_days, "  </day>\n");
      json_builder_end_object (j_days);
      json_builder_end_object (j_days);
    }
  json_builder_end_array (j_days);

  if (n_days == 0)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE,
                   _("The schedule has no scheduled slot: there is no program for conference apps yet. "
                     "Nothing was written."));
      return FALSE;
    }

  if (xml != NULL)
    {
      const char *title = nonempty (lectern_event_get_name (event)) ? lectern_event_get_name (event) : acronym;

      g_string_append (x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
      g_string_append (x, "  <generator name=\"Lectern\" version=\"" PACKAGE_VERSION "\"/>\n");
      xml_element (x, "  ", "version", g_checksum_get_string (version));
      g_string_append (x, "  <conference>\n");
      xml_element (x, "    ", "title", title);
      xml_element (x, "    ", "acronym", acronym);
      xml_element (x, "    ", "start", first_date);
      xml_element (x, "    ", "end", last_date);
      g_string_append_printf (x, "    <days>%u</days>\n", n_days);
      xml_element (x, "    ", "timeslot_duration", step);
      if (site_url != NULL && g_str_has_prefix (site_url, "http"))
        xml_element (x, "    ", "url", site_url);
      xml_element (x, "    ", "time_zone_name", g_time_zone_get_identifier (tz));
      g_string_append (x, "  </conference>\n");
      g_string_append (x, x_days->str);
      g_string_append (x, "</schedule>\n");
      *xml = g_strdup (x->str);
    }

  if (json != NULL)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      GHashTableIter iter;
      gpointer name;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$schema");
      json_builder_add_string_value (b, "https://c3voc.de/schedule/schema.json");
      json_builder_set_member_name (b, "generator");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, "Lectern");
      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, PACKAGE_VERSION);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "schedule");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, g_checksum_get_string (version));
      json_builder_set_member_name (b, "conference");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "acronym");
      json_builder_add_string_value (b, acronym);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, nonempty (lectern_event_get_name (event)) ? lectern_event_get_name (event) : acronym);
      json_builder_set_member_name (b, "start");
      json_builder_add_string_value (b, first_date);
      json_builder_set_member_name (b, "end");
      json_builder_add_string_value (b, last_date);
      json_builder_set_member_name (b, "daysCount");
      json_builder_add_int_value (b, n_days);
      json_builder_set_member_name (b, "timeslot_duration");
      json_builder_add_string_value (b, step);
      json_builder_set_member_name (b, "time_zone_name");
      json_builder_add_string_value (b, g_time_zone_get_identifier (tz));
      if (site_url != NULL)
        {
          json_builder_set_member_name (b, "url");
          json_builder_add_string_value (b, site_url);
        }
      json_builder_set_member_name (b, "rooms");
      json_builder_begin_array (b);
      g_hash_table_iter_init (&iter, room_names);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        {
          g_autofree char *room_guid = lectern_site_uuid5 (uuid, name);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, name);
          json_builder_set_member_name (b, "guid");
          json_builder_add_string_value (b, room_guid);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "days");
      json_builder_add_value (b, json_builder_get_root (j_days));
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);

      root = json_builder_get_root (b);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      *json = json_generator_to_data (generator, NULL);
    }

  return TRUE;
}
