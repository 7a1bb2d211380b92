/* lectern-site-ical.c: the program as an iCalendar file (RFC 5545)
 *
 * Written with libical, never by hand: one VCALENDAR with the
 * workshop's time zone (its VTIMEZONE, from libical's zone data) and one
 * VEVENT per scheduled slot. Each VEVENT's UID is the slot's id and the
 * workshop's own identifier (lectern_store_get_workshop_uuid()), so a
 * slot keeps its UID across exports and edits: a calendar that
 * subscribed moves the talk rather than adding another. DTSTART and
 * DTEND are in the workshop's zone; LOCATION is the room and the venue;
 * DESCRIPTION lists the session, the people, the abstract and the
 * links; URL is the site. Breaks are left out unless asked for.
 *
 * DTSTAMP is when the event was last revised, as RFC 5545 wants of a
 * calendar without METHOD: the time of writing, except where the file
 * already written says the same of the event
 * (lectern_site_ical_keep_stamps()), so that the copy on the site
 * changes only when the program does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-cfp-deadline.h"
#include "lectern-site-ical.h"
#include "lectern-program-data.h"

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static void
append_people (GString               *text,
               LecternSlot           *slot,
               LecternAppearanceRole  role,
               const char            *label)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  gboolean first = TRUE;

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);
      const char *affiliation = nonempty (lectern_appearance_get_affiliation (a));

      if (a->role != role)
        continue;
      g_string_append (text, first ? label : ", ");
      g_string_append (text, a->name != NULL ? a->name : "");
      if (affiliation != NULL)
        g_string_append_printf (text, " (%s)", affiliation);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (text, '\n');
}

static char *
describe (LecternSlot    *slot,
          LecternSession *session)
{
  GString *text = g_string_new (NULL);
  GPtrArray *links = lectern_slot_get_links (slot);

  if (session != NULL)
    g_string_append_printf (text, "%s\n", lectern_session_get_title (session));
  /* Site text is never translated: the calendar is the site's */
  append_people (text, slot, LECTERN_APPEARANCE_SPEAKER, "Speakers: ");
  append_people (text, slot, LECTERN_APPEARANCE_AUTHOR, "Authors: ");
  append_people (text, slot, LECTERN_APPEARANCE_PANELIST, "Panelists: ");
  append_people (text, slot, LECTERN_APPEARANCE_MODERATOR, "Moderators: ");
  if (nonempty (lectern_slot_get_abstract (slot)))
    g_string_append_printf (text, "\n%s\n", lectern_slot_get_abstract (slot));
  if (nonempty (lectern_slot_get_note (slot)))
    g_string_append_printf (text, "\n%s%s%s\n", lectern_slot_get_note (slot),
                            nonempty (lectern_slot_get_note_url (slot)) ? " " : "",
                            nonempty (lectern_slot_get_note_url (slot)) ? lectern_slot_get_note_url (slot) : "");
  for (guint i = 0; i < links->len; i++)
    {
      const LecternLink *link = g_ptr_array_index (links, i);

      g_string_append_printf (text, "%s%s: %s\n", i == 0 ? "\n" : "", link->kind, link->url);
    }

  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static struct icaltimetype
time_of (const char   *date,
         int           minutes,
         icaltimezone *zone)
{
  struct icaltimetype t = icaltime_from_string (date);   /* "YYYY-MM-DD": a date */

  t.is_date = 0;
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  t.second = 0;
  t = icaltime_normalize (t);
  return icaltime_set_timezone (&t, zone);
}

static icalproperty *
zoned (icalproperty *property,
       icaltimezone *zone)
{
  if (zone != icaltimezone_get_utc_timezone ())
    icalproperty_add_parameter (property, icalparameter_new_tzid (icaltimezone_get_tzid (zone)));
  return property;
}

static gboolean
is_break (LecternSlot *slot)
{
  int kind = lectern_slot_get_kind (slot);

  return kind == LECTERN_SLOT_BREAK || kind == LECTERN_SLOT_LUNCH;
}


/* libical's built-in zones are one set for the whole process, and
 * reading a component moves iterators kept in it: two exports (or an
 * export and the memo's key) read them under this lock, each from a
 * copy of its own. */
static GMutex builtin_zones_lock;

static icalcomponent *
clone_builtin_zone (icaltimezone *zone)
{
  icalcomponent *copy;

  g_mutex_lock (&builtin_zones_lock);
  copy = icalcomponent_new_clone (icaltimezone_get_component (zone));
  g_mutex_unlock (&builtin_zones_lock);

  return copy;
}

/**
 * lectern_site_ical_zone_text:
 * @name: an IANA zone ("Pacific/Honolulu")
 *
 * Returns: (transfer full) (nullable): libical's VTIMEZONE for @name, as
 *   this process has it (libical keeps a zone once read), or %NULL for
 *   a zone libical does not know
 */
char *
lectern_site_ical_zone_text (const char *name)
{
  icaltimezone *zone = name != NULL ? icaltimezone_get_builtin_timezone (name) : NULL;
  icalcomponent *copy;
  char *text;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    return NULL;
  copy = clone_builtin_zone (zone);
  text = icalcomponent_as_ical_string_r (copy);
  icalcomponent_free (copy);

  return text;
}

/* The zone a deadline is in, with its VTIMEZONE in the calendar once:
 * AoE (UTC−12, made here: no zone database has it), an IANA zone
 * (libical's), or NULL for UTC */
static icaltimezone *
deadline_zone (icalcomponent *calendar,
               GHashTable    *zones,
               const char    *name)
{
  icaltimezone *zone;

  if (name == NULL || *name == '\0' || g_ascii_strcasecmp (name, "UTC") == 0)
    return NULL;
  if ((zone = g_hash_table_lookup (zones, name)) != NULL)
    return zone;

  if (g_ascii_strcasecmp (name, "AoE") == 0)
    {
      icalcomponent *vtimezone =
        icalcomponent_vanew (ICAL_VTIMEZONE_COMPONENT,
                             icalproperty_new_tzid ("AoE"),
                             icalcomponent_vanew (ICAL_XSTANDARD_COMPONENT,
                                                  icalproperty_new_dtstart (icaltime_from_string ("19700101T000000")),
                                                  icalproperty_new_tzoffsetfrom (-12 * 3600),
                                                  icalproperty_new_tzoffsetto (-12 * 3600),
                                                  icalproperty_new_tzname ("AoE"),
                                                  (void *) 0),
                             (void *) 0);

      zone = icaltimezone_new ();
      icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone));
      icalcomponent_add_component (calendar, vtimezone);
      g_hash_table_insert (zones, g_strdup (name), zone);
      return zone;
    }

  zone = icaltimezone_get_builtin_timezone (name);
  if (zone == NULL)
    return NULL;
  icalcomponent_add_component (calendar, clone_builtin_zone (zone));
  g_hash_table_insert (zones, g_strdup (name), zone);
  return zone;
}

static void
free_zone (gpointer zone)
{
  /* only AoE's is ours; libical keeps its built-in zones */
  if (g_strcmp0 (icaltimezone_get_tzid (zone), "AoE") == 0)
    icaltimezone_free (zone, 1);
}

/* The call's dates (lectern_program_data_read_deadlines()): one event
 * each, at its moment in its own zone, or all day when it has no time */
static void
add_deadlines (icalcomponent      *calendar,
               LecternProgramData *data,
               icaltimezone       *workshop_zone)
{
  LecternEvent *event = data->event;
  const char *workshop = nonempty (lectern_event_get_short_name (event)) ? lectern_event_get_short_name (event)
                                                                         : lectern_event_get_name (event);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_zone);

  /* the workshop's zone is in the calendar already */
  if (workshop_zone != icaltimezone_get_utc_timezone ())
    g_hash_table_insert (zones, g_strdup (lectern_event_get_timezone (event)), workshop_zone);

  for (guint i = 0; data->deadlines != NULL && i < data->deadlines->len; i++)
    {
      LecternCfpDate *date = g_ptr_array_index (data->deadlines, i);
      g_autofree char *uid = g_strdup_printf ("cfp-%" G_GINT64_FORMAT "-%s@lectern", lectern_cfp_date_get_id (date),
                                              data->uuid);
      g_autofree char *summary = nonempty (workshop) != NULL
                                 ? g_strdup_printf ("%s: %s", workshop, lectern_cfp_date_get_name (date))
                                 : g_strdup (lectern_cfp_date_get_name (date));
      struct icaltimetype start;
      icalcomponent *vevent;

      start = icaltime_from_string (lectern_cfp_date_get_date (date));
      if (nonempty (lectern_cfp_date_get_time (date)))
        {
          icaltimezone *zone = deadline_zone (calendar, zones, lectern_cfp_date_get_zone (date));
          int hour = 0, minute = 0;

          sscanf (lectern_cfp_date_get_time (date), "%d:%d", &hour, &minute);
          start.is_date = 0;
          start.hour = hour;
          start.minute = minute;
          start.second = 0;
          start = icaltime_set_timezone (&start, zone != NULL ? zone : icaltimezone_get_utc_timezone ());
          vevent = icalcomponent_vanew (ICAL_VEVENT_COMPONENT,
                                        icalproperty_new_uid (uid),
                                        icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())),
                                        zone != NULL ? zoned (icalproperty_new_dtstart (start), zone)
                                                     : icalproperty_new_dtstart (start),
                                        (void *) 0);
        }
      else
        {
          start.is_date = 1;
          vevent = icalcomponent_vanew (ICAL_VEVENT_COMPONENT,
                                        icalproperty_new_uid (uid),
                                        icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())),
                                        icalproperty_new_dtstart (start),
                                        icalproperty_new_dtend (icaltime_add (start, icaldurationtype_from_int (24 * 3600))),
                                        (void *) 0);
        }
      icalcomponent_add_property (vevent, icalproperty_new_summary (summary));
      icalcomponent_add_property (vevent, icalproperty_new_categories ("deadline"));
      if (nonempty (lectern_cfp_date_get_note (date)))
        icalcomponent_add_property (vevent, icalproperty_new_description (lectern_cfp_date_get_note (date)));
      if (nonempty (lectern_event_get_site_url (event)))
        icalcomponent_add_property (vevent, icalproperty_new_url (lectern_event_get_site_url (event)));
      icalcomponent_add_component (calendar, vevent);
    }
}

/**
 * lectern_site_render_ical:
 *
 * Returns: (transfer full) (nullable): the calendar, as text
 */
char *
lectern_site_render_ical (LecternStore      *store,
                          LecternIcalFlags   flags,
                          GError           **error)
{
  g_autoptr(LecternProgramData) data = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  if (!(data = lectern_program_data_read (store, error)))
    return NULL;

  return lectern_site_format_ical (data, flags, error);
}

/**
 * lectern_site_format_ical:
 * @data: the program, as read (lectern_program_data_read())
 *
 * The calendar from a program already read; reads nothing else, and may
 * run on another thread than the one that read @data.
 *
 * Returns: (transfer full) (nullable): the calendar, as text
 */
char *
lectern_site_format_ical (LecternProgramData  *data,
                          LecternIcalFlags     flags,
                          GError             **error)
{
  LecternEvent *event;
  g_autofree char *location_default = NULL;
  icalcomponent *calendar;
  icaltimezone *zone;
  const char *tzid;
  char *text;

  g_return_val_if_fail (data != NULL, NULL);

  event = data->event;
  if (data->uuid == NULL)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NEWER_FILE,
                   _("“%s” has no identifier for its calendar; open it once with this version of Lectern "
                     "to upgrade it. Nothing was written."), data->path);
      return NULL;
    }

  /* the times name the zone by its VTIMEZONE's TZID (libical's, which
   * has a prefix: "/freeassociation.sourceforge.net/Pacific/Honolulu") */
  tzid = nonempty (lectern_event_get_timezone (event));
  zone = tzid != NULL ? icaltimezone_get_builtin_timezone (tzid) : NULL;
  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();

  location_default = nonempty (lectern_event_get_room (event)) && nonempty (lectern_event_get_venue (event))
    ? g_strdup_printf ("%s, %s", lectern_event_get_room (event), lectern_event_get_venue (event))
    : g_strdup (nonempty (lectern_event_get_room (event)) ? lectern_event_get_room (event)
                                                          : nonempty (lectern_event_get_venue (event)));

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Lectern//Workshop program//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *) 0);
  if (nonempty (lectern_event_get_name (event)))
    {
      icalproperty *name = icalproperty_new_x (lectern_event_get_name (event));

      icalproperty_set_x_name (name, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, name);
    }
  if (zone != icaltimezone_get_utc_timezone ())
    icalcomponent_add_component (calendar, clone_builtin_zone (zone));

  for (guint d = 0; d < data->days->len; d++)
    {
      LecternDay *day = g_ptr_array_index (data->days, d);
      GPtrArray *slots = g_ptr_array_index (data->day_slots, d);

      for (guint i = 0; i < slots->len; i++)
        {
          LecternSlot *slot = g_ptr_array_index (slots, i);
          LecternSession *session = lectern_program_data_session (data, slot);
          LecternRoom *room = lectern_program_data_room (data, slot);
          g_autofree char *uid = NULL;
          g_autofree char *description = NULL;
          g_autofree char *location = NULL;
          struct icaltimetype start;
          icalcomponent *vevent;

          if (!lectern_slot_is_scheduled (slot) || (is_break (slot) && !(flags & LECTERN_ICAL_BREAKS)))
            continue;

          if (room != NULL)
            location = nonempty (lectern_event_get_venue (event))
              ? g_strdup_printf ("%s, %s", lectern_room_get_name (room), lectern_event_get_venue (event))
              : g_strdup (lectern_room_get_name (room));
          else
            location = g_strdup (location_default);

          uid = g_strdup_printf ("slot-%" G_GINT64_FORMAT "-%s@lectern", lectern_slot_get_id (slot), data->uuid);
          start = time_of (lectern_day_get_date (day), lectern_slot_get_start (slot), zone);
          description = describe (slot, session);

          vevent = icalcomponent_vanew (ICAL_VEVENT_COMPONENT,
                                        icalproperty_new_uid (uid),
                                        icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())),
                                        zoned (icalproperty_new_dtstart (start), zone),
                                        zoned (icalproperty_new_dtend (icaltime_add (start, icaldurationtype_from_int (lectern_slot_get_duration (slot) * 60))), zone),
                                        icalproperty_new_summary (lectern_slot_get_title (slot)),
                                        icalproperty_new_categories (lectern_slot_kind_to_string (lectern_slot_get_kind (slot))),
                                        (void *) 0);
          if (*description != '\0')
            icalcomponent_add_property (vevent, icalproperty_new_description (description));
          if (location != NULL)
            icalcomponent_add_property (vevent, icalproperty_new_location (location));
          if (nonempty (lectern_event_get_site_url (event)))
            icalcomponent_add_property (vevent, icalproperty_new_url (lectern_event_get_site_url (event)));
          icalcomponent_add_component (calendar, vevent);
        }
    }

  add_deadlines (calendar, data, zone);

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

/* Each line of a calendar but its DTSTAMP lines: whether a and b say
 * the same, stamps aside. Read line by line: no need to parse two
 * calendars to learn that nothing changed.
 */
static gboolean
same_but_stamps (GBytes *a,
                 GBytes *b)
{
  gsize len_a, len_b;
  const char *p = g_bytes_get_data (a, &len_a);
  const char *q = g_bytes_get_data (b, &len_b);
  const char *end_a = p + len_a;
  const char *end_b = q + len_b;

  if (p == NULL || q == NULL)
    return p == q;

  while (p < end_a && q < end_b)
    {
      const char *eol_a = memchr (p, '\n', end_a - p);
      const char *eol_b = memchr (q, '\n', end_b - q);
      gsize n_a = (eol_a != NULL ? eol_a + 1 : end_a) - p;
      gsize n_b = (eol_b != NULL ? eol_b + 1 : end_b) - q;
      gboolean stamp_a = n_a > 8 && memcmp (p, "DTSTAMP:", 8) == 0;
      gboolean stamp_b = n_b > 8 && memcmp (q, "DTSTAMP:", 8) == 0;

      if (stamp_a != stamp_b || (!stamp_a && (n_a != n_b || memcmp (p, q, n_a) != 0)))
        return FALSE;
      p += n_a;
      q += n_b;
    }

  return p == end_a && q == end_b;
}

static icalcomponent *
parse_calendar (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  icalcomponent *calendar = icalparser_parse_string (text);

  if (calendar != NULL && icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    g_clear_pointer (&calendar, icalcomponent_free);

  return calendar;
}

/* The event as text, without its DTSTAMP */
static char *
event_without_stamp (icalcomponent *vevent)
{
  icalcomponent *copy = icalcomponent_new_clone (vevent);
  icalproperty *stamp;
  char *text;

  while ((stamp = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (copy, stamp);
      icalproperty_free (stamp);
    }
  text = icalcomponent_as_ical_string_r (copy);
  icalcomponent_free (copy);

  return text;
}

/**
 * lectern_site_ical_keep_stamps:
 * @wanted: the calendar as just rendered (every DTSTAMP now)
 * @current: the calendar the site has, or %NULL
 *
 * The calendar to write: @current itself when it says the same, stamps
 * aside (nothing to write); else @wanted, where each event that
 * @current has (by UID) and says the same of keeps its DTSTAMP there:
 * only the events that changed are stamped as revised now.
 */
GBytes *
lectern_site_ical_keep_stamps (GBytes *wanted,
                               GBytes *current)
{
  g_autoptr(GHashTable) old = NULL;
  icalcomponent *was;
  icalcomponent *now;
  char *text;

  g_return_val_if_fail (wanted != NULL, NULL);

  if (current == NULL)
    return g_bytes_ref (wanted);
  if (same_but_stamps (wanted, current))
    return g_bytes_ref (current);

  if (!(was = parse_calendar (current)))
    return g_bytes_ref (wanted);
  if (!(now = parse_calendar (wanted)))
    {
      icalcomponent_free (was);
      return g_bytes_ref (wanted);
    }

  /* UID -> the event there, and what it says */
  old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (icalcomponent *vevent = icalcomponent_get_first_component (was, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (was, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      icalproperty *stamp = icalcomponent_get_first_property (vevent, ICAL_DTSTAMP_PROPERTY);
      g_autofree char *says = NULL;

      if (uid == NULL || stamp == NULL)
        continue;
      says = event_without_stamp (vevent);
      g_hash_table_replace (old, g_strdup (uid),
                            g_strdup_printf ("%s\n%s", icaltime_as_ical_string (icalproperty_get_dtstamp (stamp)),
                                             says));
    }

  for (icalcomponent *vevent = icalcomponent_get_first_component (now, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (now, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      const char *said = uid != NULL ? g_hash_table_lookup (old, uid) : NULL;
      const char *newline = said != NULL ? strchr (said, '\n') : NULL;
      icalproperty *stamp = icalcomponent_get_first_property (vevent, ICAL_DTSTAMP_PROPERTY);
      g_autofree char *stamp_text = NULL;
      g_autofree char *says = NULL;

      if (newline == NULL || stamp == NULL)
        continue;
      says = event_without_stamp (vevent);
      if (strcmp (newline + 1, says) != 0)
        continue;
      stamp_text = g_strndup (said, newline - said);
      icalproperty_set_dtstamp (stamp, icaltime_from_string (stamp_text));
    }

  text = icalcomponent_as_ical_string_r (now);
  icalcomponent_free (now);
  icalcomponent_free (was);

  return g_bytes_new_take (text, strlen (text));
}
