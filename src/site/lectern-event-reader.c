/* lectern-event-reader.c: the event details a workshop's home page and
 * _config.yml state
 *
 * What al-folio workshop sites say, and where:
 *  - the name: _config.yml's title; the site's address: its url;
 *  - the conference and year: the page's subtitle ("… (ICML) 2023.");
 *  - the short name: the page's first "ES-FoMo"-like word;
 *  - the time zone, room, map link and venue: the schedule's note line
 *    ("*All times HST, UTC-10. Find us in [Ballroom A](map) of the
 *    convention center.*"), or "Find us in room **Lehar 2**";
 *  - the contact address: the line that says "contact";
 *  - the OpenReview link: the first link to openreview.net;
 *  - the date: a line that says "when", or the schedule's first day.
 *
 * The time zone is written as people write it ("HST, UTC-10", "CET,
 * UTC+2" in July, "PT"); it is matched against the system's zones
 * (tzdata's zone1970.tab) on the workshop's date, preferring the one
 * whose city the page names. Each detail that cannot be found, and
 * each choice between several zones, becomes a note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-event-reader.h"
#include "lectern-site-diff.h"
#include "lectern-site-markdown.h"

static const char *zone_tables[] = {
  "/usr/share/zoneinfo/zone1970.tab",
  "/usr/share/zoneinfo/zone.tab",
};

typedef struct
{
  char      *identifier;
  GTimeZone *tz;
} Zone;

/* The system's zones, in tzdata's order, read once for the process */
static GArray *
system_zones (void)
{
  static GArray *zones;

  if (g_once_init_enter (&zones))
    {
      GArray *found = g_array_new (FALSE, TRUE, sizeof (Zone));
      g_autofree char *table = NULL;
      g_auto(GStrv) lines = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (zone_tables) && table == NULL; i++)
        g_file_get_contents (zone_tables[i], &table, NULL, NULL);

      lines = g_strsplit (table != NULL ? table : "", "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) columns = NULL;
          Zone zone;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          columns = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (columns) < 3 || (zone.tz = g_time_zone_new_identifier (columns[2])) == NULL)
            continue;
          zone.identifier = g_strdup (columns[2]);
          g_array_append_val (found, zone);
        }

      g_once_init_leave (&zones, found);
    }

  return zones;
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static char *
first_match (const char *pattern,
             const char *text,
             int         group)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, group);
}

/* "PT" stands for PST and PDT, "ET" for EST and EDT */
static gboolean
abbreviation_fits (const char *written,
                   const char *zone_abbreviation)
{
  gsize n = strlen (written);

  if (zone_abbreviation == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (written, zone_abbreviation) == 0)
    return TRUE;

  return n >= 2 && written[n - 1] == 'T' && strlen (zone_abbreviation) == n + 1 &&
         g_ascii_strncasecmp (written, zone_abbreviation, n - 1) == 0 &&
         (zone_abbreviation[n - 1] == 'S' || zone_abbreviation[n - 1] == 'D') &&
         zone_abbreviation[n] == 'T';
}

static gint64
noon_of (const char *date,
         int         month)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = 0, m = 0, d = 0;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      y = g_date_time_get_year (now), m = 7, d = 1;
    }
  if (month > 0)
    m = month, d = 15;

  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* The city of "America/Los_Angeles": "Los Angeles" */
static char *
city_of (const char *zone)
{
  const char *slash = strrchr (zone, '/');

  return g_strdelimit (g_strdup (slash != NULL ? slash + 1 : zone), "_", ' ');
}

/**
 * lectern_site_resolve_zone:
 * @abbreviation: (nullable): as written ("HST", "CET", "PT")
 * @offset: seconds east of UTC, when @has_offset
 * @date: (nullable): the workshop's date, "YYYY-MM-DD" (else July 1st
 *   of this year: workshops are a summer and a winter thing, and the
 *   abbreviation is also checked against January and July)
 * @text: (nullable): the page, whose city names choose among zones
 * @others: (out) (optional): the other zones that fit
 *
 * Returns: (nullable): the zone identifier ("Pacific/Honolulu")
 */
char *
lectern_site_resolve_zone (const char  *abbreviation,
                           gboolean     has_offset,
                           int          offset,
                           const char  *date,
                           const char  *text,
                           GPtrArray  **others)
{
  g_autoptr(GPtrArray) fits = g_ptr_array_new_with_free_func (g_free);
  GArray *zones = system_zones ();
  gint64 at = noon_of (date, 0);
  gint64 january = noon_of (date, 1);
  gint64 july = noon_of (date, 7);
  char *chosen = NULL;

  if (others != NULL)
    *others = NULL;
  if ((abbreviation == NULL || *abbreviation == '\0') && !has_offset)
    return NULL;
  if (abbreviation != NULL && g_ascii_strcasecmp (abbreviation, "UTC") == 0 && (!has_offset || offset == 0))
    return g_strdup ("UTC");

  for (guint i = 0; i < zones->len; i++)
    {
      const Zone *zone = &g_array_index (zones, Zone, i);
      GTimeZone *tz = zone->tz;
      int interval;

      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, at);
      if (interval < 0)
        continue;
      if (has_offset && g_time_zone_get_offset (tz, interval) != offset)
        continue;

      if (abbreviation != NULL && *abbreviation != '\0')
        {
          int winter = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, january);
          int summer = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, july);

          if (!abbreviation_fits (abbreviation, g_time_zone_get_abbreviation (tz, interval)) &&
              (winter < 0 || !abbreviation_fits (abbreviation, g_time_zone_get_abbreviation (tz, winter))) &&
              (summer < 0 || !abbreviation_fits (abbreviation, g_time_zone_get_abbreviation (tz, summer))))
            continue;
        }

      g_ptr_array_add (fits, g_strdup (zone->identifier));
    }

  if (fits->len == 0)
    return NULL;

  /* the zone whose city the page names ("in Vancouver!") */
  for (guint i = 0; i < fits->len && text != NULL; i++)
    {
      g_autofree char *city = city_of (g_ptr_array_index (fits, i));

      if (strstr (text, city) != NULL)
        {
          chosen = g_strdup (g_ptr_array_index (fits, i));
          g_ptr_array_remove_index (fits, i);
          break;
        }
    }
  if (chosen == NULL)
    {
      chosen = g_strdup (g_ptr_array_index (fits, 0));
      g_ptr_array_remove_index (fits, 0);
    }

  if (others != NULL)
    *others = g_steal_pointer (&fits);
  return chosen;
}

/* "UTC-10", "UTC+5:30", "GMT+2": seconds east */
static gboolean
parse_offset (const char *text,
              int        *offset)
{
  g_autofree char *sign = first_match ("(?:UTC|GMT)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?", text, 1);
  g_autofree char *hours = first_match ("(?:UTC|GMT)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?", text, 2);
  g_autofree char *minutes = first_match ("(?:UTC|GMT)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?", text, 3);

  if (sign == NULL || hours == NULL)
    return FALSE;

  *offset = (atoi (hours) * 3600 + (minutes != NULL && *minutes ? atoi (minutes) * 60 : 0)) *
            (strcmp (sign, "+") == 0 ? 1 : -1);
  return TRUE;
}

static void
missing (GPtrArray  *notes,
         const char *what)
{
  g_ptr_array_add (notes, g_strdup_printf (_("The home page does not give %s; set it on the Event page."), what));
}

/* "Find us in [Ballroom A (floor L4)](map) of the convention center." */
static void
read_place (LecternEvent *event,
            const char   *line)
{
  g_autofree char *place = first_match ("Find us (?:in|at) (?:room )?(.*?)(?: of (.+?))?\\.?\\*?$", line, 1);
  g_autofree char *venue = first_match ("Find us (?:in|at) (?:room )?(.*?)(?: of (.+?))?\\.?\\*?$", line, 2);
  gboolean at = strstr (line, "Find us at ") != NULL;
  LecternMarkdownLink link;

  if (place == NULL)
    return;

  if (lectern_markdown_find_link (place, 0, &link) && link.start == 0)
    {
      g_autofree char *room = lectern_markdown_to_text (link.text);

      lectern_event_set_room (event, room);
      lectern_event_set_room_map_url (event, link.url);
    }
  else
    {
      g_autofree char *text = lectern_markdown_to_text (place);

      if (at && (venue == NULL || *venue == '\0'))
        lectern_event_set_venue (event, text);
      else
        lectern_event_set_room (event, text);
    }
  lectern_markdown_link_clear (&link);

  if (venue != NULL && *venue != '\0')
    {
      g_autofree char *text = lectern_markdown_to_text (venue);

      lectern_event_set_venue (event, text);
    }
}

/* "*All times HST, UTC-10. …*": the zone as written */
static void
read_zone (LecternEvent *event,
           const char   *line,
           const char   *page,
           GPtrArray    *notes)
{
  g_autofree char *text = lectern_markdown_to_text (line);
  g_autofree char *written = first_match ("All times (?:are )?(?:in )?([^.;]*)", text, 1);
  g_autofree char *abbreviation = first_match ("\\b([A-Z]{2,5})\\b", written, 1);
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *zone = NULL;
  int offset = 0;
  gboolean has_offset = parse_offset (written, &offset);

  if (abbreviation != NULL && (strcmp (abbreviation, "UTC") == 0 || strcmp (abbreviation, "GMT") == 0) && has_offset)
    g_clear_pointer (&abbreviation, g_free);

  zone = lectern_site_resolve_zone (abbreviation, has_offset, offset,
                                    lectern_event_get_start_date (event), page, &others);
  if (zone == NULL)
    {
      g_ptr_array_add (notes, g_strdup_printf (_("The time zone “%s” of the schedule’s note matches no "
                                                 "zone this system knows; set it on the Event page."),
                                               written ? written : text));
      return;
    }

  lectern_event_set_timezone (event, zone);
  if (others != NULL && others->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_set_size (others, MIN (others->len, 4));
      g_ptr_array_add (others, NULL);
      list = g_strjoinv (", ", (char **) others->pdata);
      g_ptr_array_add (notes, g_strdup_printf (_("The time zone “%s” was read as %s; %s would fit too. "
                                                 "Check it on the Event page."), written, zone, list));
    }
  else
    g_ptr_array_add (notes, g_strdup_printf (_("The time zone “%s” was read as %s."), written, zone));
}

/**
 * lectern_site_read_event:
 * @event: the event to fill in (what is not found is left as it was)
 * @page: the home page
 * @config: (nullable): _config.yml's top-level keys
 * @schedule: (nullable): the page's schedule, for the date and the
 *   heading above it
 * @notes: what was not found, or was chosen, in words
 */
void
lectern_site_read_event (LecternEvent        *event,
                         const char          *page,
                         gsize                length,
                         GHashTable          *config,
                         LecternReadSchedule *schedule,
                         GPtrArray           *notes)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, length);
  g_autoptr(GHashTable) front = lectern_site_read_front_matter (bytes);
  const char *subtitle = front != NULL ? g_hash_table_lookup (front, "subtitle") : NULL;
  const char *title = config != NULL ? g_hash_table_lookup (config, "title") : NULL;
  const char *url = config != NULL ? g_hash_table_lookup (config, "url") : NULL;
  g_autofree char *text = g_strndup (page, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *conference = NULL;
  g_autofree char *year = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *openreview = NULL;
  g_autofree char *date = NULL;
  const char *note_line = NULL;
  const char *plan_heading = NULL;

  /* the name and the address: _config.yml */
  if (title != NULL && *title != '\0')
    lectern_event_set_name (event, title);
  else
    missing (notes, _("the workshop’s name (_config.yml’s title)"));
  if (url != NULL && *url != '\0')
    lectern_event_set_site_url (event, url);

  /* "Workshop at the International Conference on Machine Learning (ICML) 2023." */
  conference = first_match ("\\(([A-Z][A-Za-z]+)\\)\\s*((?:19|20)\\d\\d)", subtitle, 1);
  year = first_match ("\\(([A-Z][A-Za-z]+)\\)\\s*((?:19|20)\\d\\d)", subtitle, 2);
  if (conference == NULL)
    {
      conference = first_match ("\\b((?:ICML|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|COLM|MLSys))\\s+((?:19|20)\\d\\d)\\b", text, 1);
      year = first_match ("\\b((?:ICML|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|COLM|MLSys))\\s+((?:19|20)\\d\\d)\\b", text, 2);
    }
  if (conference != NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s %s", conference, year);

      lectern_event_set_conference (event, full);
      lectern_event_set_year (event, atoi (year));
    }
  else
    missing (notes, _("the conference the workshop is held at"));

  short_name = first_match ("\\b([A-Z]{2,}[A-Za-z]*(?:-[A-Z][A-Za-z]*)+)\\b", text + MIN (length, (gsize) 3), 1);
  if (short_name != NULL)
    lectern_event_set_short_name (event, short_name);

  openreview = first_match ("(https?://openreview\\.net/[^\\s)\\]>`\"]+)", text, 1);
  if (openreview != NULL)
    lectern_event_set_openreview_url (event, openreview);
  else
    missing (notes, _("the OpenReview link"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (note_line == NULL && strstr (line, "All times") != NULL)
        note_line = line;

      if (empty (lectern_event_get_contact_email (event)) && g_strrstr (line, "ontact") != NULL)
        {
          g_autofree char *email = first_match ("([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})", line, 1);

          if (email != NULL)
            lectern_event_set_contact_email (event, email);
        }

      if (date == NULL && strstr (line, "when") != NULL)
        date = lectern_schedule_parse_date (strstr (line, "when"), lectern_event_get_year (event));

      /* the section heading above the schedule's first table */
      if (schedule != NULL && i + 1 <= schedule->first_line)
        {
          const char *h = line;

          if (g_str_has_prefix (h, "<!--"))
            h += 4;
          while (*h == ' ')
            h++;
          if (g_str_has_prefix (h, "## "))
            plan_heading = line;
        }
    }

  if (empty (lectern_event_get_contact_email (event)))
    {
      const char *email = config != NULL ? g_hash_table_lookup (config, "email") : NULL;

      if (email != NULL && strchr (email, '@') != NULL)
        lectern_event_set_contact_email (event, email);
      else
        missing (notes, _("a contact e-mail address"));
    }

  /* the date: "when" in the text, or the schedule's first day */
  if (date == NULL && schedule != NULL && schedule->days->len > 0)
    date = g_strdup (((LecternReadDay *) g_ptr_array_index (schedule->days, 0))->date);
  if (date != NULL)
    {
      const char *end = date;

      if (schedule != NULL && schedule->days->len > 1)
        end = ((LecternReadDay *) g_ptr_array_index (schedule->days, schedule->days->len - 1))->date;
      lectern_event_set_start_date (event, date);
      lectern_event_set_end_date (event, end != NULL ? end : date);
    }
  else
    missing (notes, _("the workshop’s date"));

  if (plan_heading != NULL)
    {
      g_autofree char *heading = g_strdup (plan_heading);

      if (g_str_has_prefix (heading, "<!--"))
        memmove (heading, heading + 4, strlen (heading + 4) + 1);
      lectern_event_set_plan_heading (event, g_strstrip (heading));
    }

  /* the time zone and the place: the schedule's note line */
  if (note_line != NULL)
    {
      read_zone (event, note_line, text, notes);
      read_place (event, note_line);
    }
  else
    missing (notes, _("the time zone (the schedule’s “All times …” line)"));

  if (empty (lectern_event_get_room (event)))
    {
      g_autofree char *room = first_match ("[Ff]ind us in room \\*\\*([^*]+)\\*\\*", text, 1);

      if (room != NULL)
        lectern_event_set_room (event, room);
      else
        missing (notes, _("the room"));
    }
  if (empty (lectern_event_get_venue (event)))
    missing (notes, _("the venue"));
}
