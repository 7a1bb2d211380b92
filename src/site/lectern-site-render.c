/* lectern-site-render.c: the site tree, rendered from the workshop file
 *
 * Every file Lectern owns in an al-folio site, as bytes in memory: one
 * card per (person, role) and per sponsor, the uploaded photos and
 * logos, the schedule's block in _pages/about.md and
 * _data/schedule.yml. Reads the workshop file once and touches no disk
 * of the site: where the tree goes is a destination's business
 * (lectern-site-folder.c, the publishers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-render"

#include "config.h"

#include "lectern-entity.h"
#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-image.h"
#include "lectern-site-page.h"
#include "lectern-schedule-checks.h"
#include "lectern-site-cfp.h"
#include "lectern-site-frab.h"
#include "lectern-site-ical.h"
#include "lectern-site-program.h"
#include "lectern-site-render.h"
#include "lectern-store-site.h"
#include "lectern-site-text.h"
#include "lectern-yaml-writer.h"

/* Everything the export reads, read once. */
typedef struct
{
  LecternEvent *event;
  GListModel   *cards;
  GListModel   *sponsors;
  GPtrArray    *days;       /* LecternDay: arrays, not list models, */
  GListModel   *sessions;
  GPtrArray    *slots;      /* so that two threads can read them */
  GHashTable   *sessions_by_id;   /* gint64* -> LecternSession */
  GHashTable   *sponsors_by_id;   /* gint64* -> LecternSponsor */
  GDateTime    *now;        /* the moment of the render: its only clock */
} Snapshot;

static void
snapshot_free (Snapshot *snap)
{
  g_clear_object (&snap->event);
  g_clear_object (&snap->cards);
  g_clear_object (&snap->sponsors);
  g_clear_pointer (&snap->days, g_ptr_array_unref);
  g_clear_object (&snap->sessions);
  g_clear_pointer (&snap->slots, g_ptr_array_unref);
  g_clear_pointer (&snap->sessions_by_id, g_hash_table_unref);
  g_clear_pointer (&snap->sponsors_by_id, g_hash_table_unref);
  g_clear_pointer (&snap->now, g_date_time_unref);
  g_free (snap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static GHashTable *
index_by_id (GListModel *model,
             gint64    (*get_id) (gpointer))
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 *key = g_new (gint64, 1);

      *key = get_id (item);
      /* the model keeps the item alive */
      g_hash_table_insert (table, key, item);
    }

  return table;
}


static Snapshot *
snapshot_read (LecternStore  *store,
               GDateTime     *now,
               GError       **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);

  snap->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) slots = NULL;

  if (!(snap->event = lectern_store_get_event (store, error)) ||
      !(snap->cards = lectern_store_list_cards (store, -1, error)) ||
      !(snap->sponsors = lectern_store_list_sponsors (store, error)) ||
      !(days = lectern_store_list_days (store, error)) ||
      !(snap->sessions = lectern_store_list_sessions (store, error)) ||
      !(slots = lectern_store_list_slots (store, 0, error)))
    return NULL;

  snap->days = lectern_object_array_from_model (days);
  snap->slots = lectern_object_array_from_model (slots);

  snap->sessions_by_id = index_by_id (snap->sessions, (gint64 (*) (gpointer)) lectern_session_get_id);
  snap->sponsors_by_id = index_by_id (snap->sponsors, (gint64 (*) (gpointer)) lectern_sponsor_get_id);

  return g_steal_pointer (&snap);
}

static LecternSession *
snapshot_session (Snapshot *snap,
                  gint64    id)
{
  return id > 0 ? g_hash_table_lookup (snap->sessions_by_id, &id) : NULL;
}

static LecternSponsor *
snapshot_sponsor (Snapshot *snap,
                  gint64    id)
{
  return id > 0 ? g_hash_table_lookup (snap->sponsors_by_id, &id) : NULL;
}

/* ------------------------------------------------------------------ */
/* The schedule as Markdown                                            */

static const char *
nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? s : NULL;
}

/**
 * lectern_site_render_note_line:
 * @now: the moment of the export: a workshop without a date names its
 *   zone's standard time then
 *
 * Returns: (transfer full): "*All times HST, UTC-10. Find us in
 *   [Ballroom A (floor L4)](…) of the convention center.*"
 */
char *
lectern_site_render_note_line (LecternEvent *event,
                               GDateTime    *now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *offset = NULL;
  GString *line = g_string_new ("*All times ");
  const char *abbreviation;
  const char *date = lectern_event_get_start_date (event);
  const char *room = nonempty (lectern_event_get_room (event));
  const char *venue = nonempty (lectern_event_get_venue (event));
  gboolean alphabetic = TRUE;
  int interval;

  tz = g_time_zone_new_identifier (lectern_event_get_timezone (event));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  if (date != NULL && strlen (date) == 10)
    {
      g_autofree char *iso = g_strconcat (date, "T12:00:00", NULL);
      when = g_date_time_new_from_iso8601 (iso, tz);
    }
  if (when == NULL)
    when = g_date_time_to_timezone (now, tz);

  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_STANDARD, g_date_time_to_unix (when));
  if (interval < 0)
    interval = 0;

  abbreviation = g_time_zone_get_abbreviation (tz, interval);
  offset = lectern_site_format_utc_offset (g_time_zone_get_offset (tz, interval));

  for (const char *p = abbreviation; p && *p; p++)
    alphabetic = alphabetic && g_ascii_isalpha (*p);

  /* zones without a name of their own are abbreviated "+0530" */
  if (abbreviation != NULL && abbreviation[0] != '\0' && alphabetic &&
      g_strcmp0 (abbreviation, "UTC") != 0)
    g_string_append_printf (line, "%s, %s.", abbreviation, offset);
  else
    g_string_append_printf (line, "%s.", offset);

  if (room != NULL)
    {
      g_autofree char *room_md = lectern_site_escape_markdown (room);
      const char *map = nonempty (lectern_event_get_room_map_url (event));

      g_string_append (line, " Find us in ");
      if (map != NULL)
        {
          g_autofree char *url = lectern_site_escape_url (map);

          g_string_append_printf (line, "[%s](%s)", room_md, url);
        }
      else
        g_string_append (line, room_md);

      if (venue != NULL)
        {
          g_autofree char *venue_md = lectern_site_escape_markdown (venue);

          g_string_append_printf (line, " of %s", venue_md);
        }
      g_string_append_c (line, '.');
    }
  else if (venue != NULL)
    {
      g_autofree char *venue_md = lectern_site_escape_markdown (venue);

      g_string_append_printf (line, " Find us at %s.", venue_md);
    }

  g_string_append_c (line, '*');

  return g_string_free (line, FALSE);
}

static void
append_row (GString    *table,
            const char *time,
            const char *topic,
            const char *speaker)
{
  g_string_append_printf (table, "| %s | %s | %s |\n",
                          time ? time : "", topic ? topic : "", speaker ? speaker : "");
}

static gboolean
is_presenter (const LecternAppearance *a)
{
  return a->role == LECTERN_APPEARANCE_SPEAKER || a->role == LECTERN_APPEARANCE_AUTHOR;
}

/* "Deepak Narayanan <br> *(Microsoft Research)*", presenters joined by <br> */
static char *
render_presenters (LecternSlot *slot)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  GString *cell = g_string_new (NULL);

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);
      const char *affiliation = nonempty (lectern_appearance_get_affiliation (a));
      g_autofree char *name = NULL;

      if (!is_presenter (a))
        continue;

      name = lectern_site_escape_markdown (a->name);
      if (cell->len > 0)
        g_string_append (cell, " <br> ");
      g_string_append (cell, name);

      if (affiliation != NULL)
        {
          g_autofree char *aff = lectern_site_escape_markdown (affiliation);

          g_string_append_printf (cell, " <br> *(%s)*", aff);
        }
    }

  return g_string_free (cell, FALSE);
}

/* Panelists: "Anna Goldie *(Anthropic)*, Susan Zhang";
 * moderators: "Abhi Venigalla (Mosaic.ML), Dylan Patel (SemiAnalysis)".
 */
static char *
render_people_list (LecternSlot           *slot,
                    LecternAppearanceRole  role,
                    gboolean               italic_affiliation)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);
      const char *affiliation = nonempty (lectern_appearance_get_affiliation (a));
      g_autofree char *name = NULL;

      if (a->role != role)
        continue;

      name = lectern_site_escape_markdown (a->name);
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, name);

      if (affiliation != NULL)
        {
          g_autofree char *aff = lectern_site_escape_markdown (affiliation);

          g_string_append_printf (list, italic_affiliation ? " *(%s)*" : " (%s)", aff);
        }
    }

  return g_string_free (list, FALSE);
}

/* "*RSVP on [Partiful](https://…) to get a ticket!*" */
static char *
render_note (LecternSlot *slot)
{
  const char *note = nonempty (lectern_slot_get_note (slot));
  const char *link_text = nonempty (lectern_slot_get_note_link_text (slot));
  const char *url = nonempty (lectern_slot_get_note_url (slot));
  GString *out;
  const char *at = NULL;

  if (note == NULL)
    return NULL;

  out = g_string_new ("*");

  if (url != NULL && link_text != NULL)
    at = strstr (note, link_text);

  if (at != NULL)
    {
      g_autofree char *before = g_strndup (note, at - note);
      g_autofree char *before_md = lectern_site_escape_markdown (before);
      g_autofree char *text_md = lectern_site_escape_markdown (link_text);
      g_autofree char *url_md = lectern_site_escape_url (url);
      g_autofree char *after_md = lectern_site_escape_markdown (at + strlen (link_text));

      g_string_append_printf (out, "%s[%s](%s)%s", before_md, text_md, url_md, after_md);
    }
  else
    {
      g_autofree char *note_md = lectern_site_escape_markdown (note);

      g_string_append (out, note_md);
      if (url != NULL)
        {
          g_autofree char *url_md = lectern_site_escape_url (url);
          g_autofree char *text_md = lectern_site_escape_markdown (link_text ? link_text : url);

          g_string_append_printf (out, " [%s](%s)", text_md, url_md);
        }
    }

  g_string_append_c (out, '*');
  return g_string_free (out, FALSE);
}

/* "🔥 **Session I: …**", or "**Awards**" without an emoji */
static char *
render_bold_title (const char *emoji,
                   const char *title)
{
  g_autofree char *title_md = lectern_site_escape_markdown (title);

  if (nonempty (emoji))
    return g_strdup_printf ("%s **%s**", emoji, title_md);

  return g_strdup_printf ("**%s**", title_md);
}

/* The rows after a slot's first: a panel's panelists and moderators,
 * and the slot's note.
 */
static void
append_follow_rows (GString     *table,
                    LecternSlot *slot)
{
  g_autofree char *note = NULL;

  if (lectern_slot_get_kind (slot) == LECTERN_SLOT_PANEL)
    {
      g_autofree char *panelists = render_people_list (slot, LECTERN_APPEARANCE_PANELIST, TRUE);
      g_autofree char *moderators = render_people_list (slot, LECTERN_APPEARANCE_MODERATOR, FALSE);

      if (panelists[0] != '\0')
        append_row (table, NULL, panelists, NULL);

      if (moderators[0] != '\0')
        {
          g_autofree char *row = g_strdup_printf ("*Moderated by %s.*", moderators);

          append_row (table, NULL, row, NULL);
        }
    }

  note = render_note (slot);
  if (note != NULL)
    append_row (table, NULL, note, NULL);
}

/* A talk listed under its session's heading: no time of its own. */
static void
append_session_item (GString     *table,
                     LecternSlot *slot)
{
  g_autofree char *title = lectern_site_escape_markdown (lectern_slot_get_title (slot));
  g_autofree char *presenters = render_presenters (slot);

  append_row (table, NULL, title, presenters);
  append_follow_rows (table, slot);
}

static void
append_single (Snapshot    *snap,
               GString     *table,
               LecternSlot *slot)
{
  g_autofree char *time = lectern_site_format_time (lectern_slot_get_start (slot));
  g_autofree char *topic = NULL;
  g_autofree char *speaker = NULL;
  LecternSlotKind kind = lectern_slot_get_kind (slot);
  LecternSponsor *sponsor = snapshot_sponsor (snap, lectern_slot_get_sponsor_id (slot));

  if (lectern_slot_kind_is_plain (kind))
    {
      g_autofree char *title = lectern_site_escape_markdown (lectern_slot_get_title (slot));

      topic = g_strdup_printf ("*%s*", title);
    }
  else if (lectern_slot_kind_is_talk (kind))
    {
      g_autofree char *title = lectern_site_escape_markdown (lectern_slot_get_title (slot));

      topic = nonempty (lectern_slot_get_emoji (slot))
        ? g_strdup_printf ("%s %s", lectern_slot_get_emoji (slot), title)
        : g_steal_pointer (&title);
    }
  else
    topic = render_bold_title (lectern_slot_get_emoji (slot), lectern_slot_get_title (slot));

  if (sponsor != NULL)
    {
      g_autofree char *name = lectern_site_escape_markdown (lectern_sponsor_get_name (sponsor));

      speaker = g_strdup_printf ("*sponsored by %s*", name);
    }
  else
    speaker = render_presenters (slot);

  append_row (table, time, topic, speaker);
  append_follow_rows (table, slot);
}

static const char *weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* "Saturday, July 29", in English whatever the locale */
static char *
format_day (const char *date)
{
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  if (dt == NULL)
    return g_strdup (date);

  return g_strdup_printf ("%s, %s %d",
                          weekdays[g_date_time_get_day_of_week (dt) - 1],
                          months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_day_of_month (dt));
}

static char *
render_table (Snapshot *snap)
{
  GString *table = g_string_new ("|  | Topic | Speaker |\n| --- | --- | --- |\n");
  guint n_days = snap->days->len;
  guint n_slots = snap->slots->len;

  for (guint d = 0; d < n_days; d++)
    {
      LecternDay *day = g_ptr_array_index (snap->days, d);
      gint64 day_id = lectern_day_get_id (day);

      if (n_days > 1)
        {
          g_autofree char *label = format_day (lectern_day_get_date (day));
          g_autofree char *bold = g_strdup_printf ("**%s**", label);

          append_row (table, NULL, bold, NULL);
        }

      for (guint i = 0; i < n_slots; i++)
        {
          LecternSlot *slot = g_ptr_array_index (snap->slots, i);
          gint64 session_id = lectern_slot_get_session_id (slot);
          LecternSession *session = snapshot_session (snap, session_id);

          if (lectern_slot_get_day_id (slot) != day_id)
            continue;

          if (session == NULL)
            {
              append_single (snap, table, slot);
              continue;
            }

          /* the session's heading, then its talks: a run of the day's
           * slots in time order. A session split by another slot (a
           * talk moved out of its block) gets its heading again where
           * it resumes, so the table never shows a talk at a time it
           * is not given. */
          {
            g_autofree char *time = lectern_site_format_time (lectern_slot_get_start (slot));
            g_autofree char *heading = render_bold_title (lectern_session_get_emoji (session),
                                                          lectern_session_get_title (session));

            append_row (table, time, heading, NULL);
          }

          for (; i < n_slots; i++)
            {
              LecternSlot *item = g_ptr_array_index (snap->slots, i);

              if (lectern_slot_get_day_id (item) != day_id ||
                  lectern_slot_get_session_id (item) != session_id)
                break;
              append_session_item (table, item);
            }
          i--;   /* the loop's i++ comes to the slot that ended the run */
        }
    }

  return g_string_free (table, FALSE);
}

static char *
render_schedule_block (Snapshot *snap)
{
  g_autofree char *note = lectern_site_render_note_line (snap->event, snap->now);
  g_autofree char *table = render_table (snap);

  return g_strdup_printf (LECTERN_SCHEDULE_BEGIN_MARKER "\n\n%s\n\n%s\n" LECTERN_SCHEDULE_END_MARKER,
                          note, table);
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static GBytes *
render_front_matter (const char  *title,
                     const char  *description,
                     const char  *img,
                     const char  *redirect,
                     int          importance,
                     const char  *category,
                     GError     **error)
{
  g_autoptr(LecternYamlWriter) writer = lectern_yaml_writer_new ();
  g_autofree char *yaml = NULL;
  char *text;

  lectern_yaml_writer_begin_mapping (writer);
  lectern_yaml_writer_pair (writer, "layout", "page");
  lectern_yaml_writer_pair (writer, "title", title);
  lectern_yaml_writer_pair (writer, "description", nonempty (description));
  if (nonempty (img))
    lectern_yaml_writer_pair (writer, "img", img);
  lectern_yaml_writer_pair (writer, "redirect", nonempty (redirect));
  lectern_yaml_writer_pair_int (writer, "importance", importance);
  lectern_yaml_writer_pair (writer, "category", category);
  lectern_yaml_writer_end_mapping (writer);

  yaml = lectern_yaml_writer_finish (writer, error);
  if (yaml == NULL)
    return NULL;

  text = g_strdup_printf ("---\n%s---\n", yaml);
  return g_bytes_new_take (text, strlen (text));
}

/* An uploaded photo or logo becomes assets/img/<slug>.jpg|png. */
static char *
render_image (LecternSiteTree  *tree,
              const char       *slug,
              GBytes           *data,
              GError          **error)
{
  g_autoptr(GBytes) prepared = NULL;
  const char *extension = NULL;
  char *path;

  prepared = lectern_site_image_prepare (data, &extension, error);
  if (prepared == NULL)
    {
      g_prefix_error (error, _("The image of “%s”: "), slug);
      return NULL;
    }

  path = g_strdup_printf ("assets/img/%s.%s", slug, extension);
  if (lectern_site_tree_lookup (tree, path) == NULL)
    lectern_site_tree_add (tree, path, prepared, LECTERN_SITE_FILE_IMAGE);

  return path;
}

static char *
card_path (const char  *slug,
           GError     **error)
{
  if (!lectern_slug_is_valid (slug))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_UNSAFE,
                   _("The card file name “%s” is not safe; fix it in the workshop file. Nothing was written."),
                   slug);
      return NULL;
    }

  return g_strdup_printf ("_projects/%s.md", slug);
}

/* One card, decided on the calling thread (its order, its image),
 * rendered on any: everything it points to lives as long as the
 * snapshot or the list of cards.
 */
typedef struct
{
  char           *path;
  LecternPerson  *person;    /* or */
  LecternSponsor *sponsor;
  const char     *img;
  const char *redirect;
  const char *category;
  int         importance;
  GBytes     *bytes;
} CardJob;

static void
card_job_clear (CardJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
}

static gboolean
render_card_job (CardJob  *job,
                 GError  **error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (job->sponsor != NULL)
    {
      g_autofree char *name = lectern_site_escape_html (lectern_sponsor_get_name (job->sponsor));

      title = g_strdup_printf ("<b>%s</b> <br>", name);
    }
  else
    {
      g_autofree char *first = lectern_site_escape_html (lectern_person_get_first_name (job->person));
      g_autofree char *family = lectern_site_escape_html (lectern_person_get_family_name (job->person));

      title = nonempty (family)
        ? g_strdup_printf ("<b>%s</b> <br> %s", first, family)
        : g_strdup_printf ("<b>%s</b> <br>", first);
      description = lectern_site_escape_html (lectern_person_get_affiliation (job->person));
    }

  job->bytes = render_front_matter (title, description, job->img, job->redirect,
                                    job->importance, job->category, error);
  return job->bytes != NULL;
}

/* In each list, in the organizers' order, a card keeps the position
 * the site gave it (as last exported or imported: @records) while that
 * position still comes after the one before, or ties with it when that
 * one kept a tied position too; the others take the next number. So an
 * import and an export change no position, ties included (the site's
 * own), one speaker more changes none but theirs, and a tie made by
 * hand afterwards is not taken for the site's: the card says otherwise.
 * Without a record (a file that never met the site), 1..N.
 */
static void
keep_site_positions (GArray     *jobs,
                     GHashTable *records)
{
  g_autoptr(GHashTable) previous = g_hash_table_new (g_str_hash, g_str_equal);   /* category -> last */
  g_autoptr(GHashTable) previous_kept = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_hash_table_size (records) == 0)
    return;

  for (guint i = 0; i < jobs->len; i++)
    {
      CardJob *job = &g_array_index (jobs, CardJob, i);
      LecternSiteRecord *record = g_hash_table_lookup (records, job->path);
      int last = GPOINTER_TO_INT (g_hash_table_lookup (previous, job->category));
      gboolean last_kept = g_hash_table_contains (previous_kept, job->category);
      int site = record != NULL && g_strcmp0 (record->category, job->category) == 0 ? record->position : -1;
      gboolean hidden = g_str_equal (job->category, "none");
      gboolean kept = site > last || (site == last && last_kept && site > 0) || (hidden && site > 0);

      /* hidden cards show in no order: each keeps its own */
      job->importance = kept ? site : last + 1;
      g_hash_table_insert (previous, (gpointer) job->category, GINT_TO_POINTER (MAX (job->importance, last)));
      if (kept)
        g_hash_table_add (previous_kept, (gpointer) job->category);
      else
        g_hash_table_remove (previous_kept, job->category);
    }
}

/*
 * The cards' order and images, decided in one pass: the list is ordered
 * by role (speaker, panelist, moderator, organizer), then by the
 * organizers' order, so counting per category gives unique 1..N,
 * moderators after the panelists. Sponsors come after the people.
 * @images keeps the paths of generated images alive.
 */
static GArray *
plan_cards (Snapshot         *snap,
            LecternSiteTree  *tree,
            GPtrArray        *images,
            GError          **error)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, TRUE, sizeof (CardJob));
  g_autoptr(GHashTable) counters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) person_images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_cards = g_list_model_get_n_items (snap->cards);
  guint n_sponsors = g_list_model_get_n_items (snap->sponsors);

  g_array_set_clear_func (jobs, (GDestroyNotify) card_job_clear);
  g_array_set_size (jobs, n_cards + n_sponsors);

  for (guint i = 0; i < n_cards; i++)
    {
      /* the list model keeps the card and its person alive */
      g_autoptr(LecternCard) card = g_list_model_get_item (snap->cards, i);
      LecternPerson *person = lectern_card_get_person (card);
      CardJob *job = &g_array_index (jobs, CardJob, i);
      gint64 person_id = lectern_person_get_id (person);

      job->category = lectern_card_get_archived (card)
        ? "none" : lectern_role_get_site_category (lectern_card_get_role (card));
      job->importance = GPOINTER_TO_INT (g_hash_table_lookup (counters, job->category)) + 1;
      g_hash_table_insert (counters, (gpointer) job->category, GINT_TO_POINTER (job->importance));

      job->img = nonempty (lectern_person_get_image_path (person));
      if (job->img == NULL && lectern_person_get_photo (person) != NULL)
        {
          job->img = g_hash_table_lookup (person_images, &person_id);
          if (job->img == NULL)
            {
              char *generated = render_image (tree, lectern_card_get_slug (card),
                                              lectern_person_get_photo (person), error);
              gint64 *key;

              if (generated == NULL)
                return NULL;

              g_ptr_array_add (images, generated);
              key = g_new (gint64, 1);
              *key = person_id;
              g_hash_table_insert (person_images, key, generated);
              job->img = generated;
            }
        }

      if (!(job->path = card_path (lectern_card_get_slug (card), error)))
        return NULL;
      job->person = person;
      job->redirect = lectern_person_get_homepage (person);
    }

  for (guint i = 0; i < n_sponsors; i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (snap->sponsors, i);
      CardJob *job = &g_array_index (jobs, CardJob, n_cards + i);

      job->category = lectern_sponsor_get_archived (sponsor) ? "none" : "sponsor";
      job->importance = GPOINTER_TO_INT (g_hash_table_lookup (counters, job->category)) + 1;
      g_hash_table_insert (counters, (gpointer) job->category, GINT_TO_POINTER (job->importance));

      job->img = nonempty (lectern_sponsor_get_logo_path (sponsor));
      if (job->img == NULL && lectern_sponsor_get_logo (sponsor) != NULL)
        {
          char *generated = render_image (tree, lectern_sponsor_get_slug (sponsor),
                                          lectern_sponsor_get_logo (sponsor), error);

          if (generated == NULL)
            return NULL;
          g_ptr_array_add (images, generated);
          job->img = generated;
        }

      if (!(job->path = card_path (lectern_sponsor_get_slug (sponsor), error)))
        return NULL;
      job->sponsor = sponsor;
      job->redirect = lectern_sponsor_get_url (sponsor);
    }

  return g_steal_pointer (&jobs);
}

/* ------------------------------------------------------------------ */
/* _data/schedule.yml                                                  */

static GBytes *
render_schedule_data (Snapshot  *snap,
                      GError   **error)
{
  g_autoptr(LecternYamlWriter) w = lectern_yaml_writer_new ();
  guint n_days = snap->days->len;
  guint n_slots = snap->slots->len;

  lectern_yaml_writer_begin_mapping (w);
  lectern_yaml_writer_pair (w, "timezone", lectern_event_get_timezone (snap->event));
  lectern_yaml_writer_string (w, "days");
  lectern_yaml_writer_begin_sequence (w);

  for (guint d = 0; d < n_days; d++)
    {
      LecternDay *day = g_ptr_array_index (snap->days, d);

      lectern_yaml_writer_begin_mapping (w);
      lectern_yaml_writer_pair (w, "date", lectern_day_get_date (day));
      lectern_yaml_writer_string (w, "slots");
      lectern_yaml_writer_begin_sequence (w);

      for (guint i = 0; i < n_slots; i++)
        {
          LecternSlot *slot = g_ptr_array_index (snap->slots, i);
          LecternSession *session = snapshot_session (snap, lectern_slot_get_session_id (slot));
          LecternSponsor *sponsor = snapshot_sponsor (snap, lectern_slot_get_sponsor_id (slot));
          GPtrArray *appearances = lectern_slot_get_appearances (slot);
          GPtrArray *links = lectern_slot_get_links (slot);
          g_autofree char *time = lectern_site_format_time (lectern_slot_get_start (slot));
          g_autofree char *start = lectern_site_format_clock (lectern_slot_get_start (slot));
          g_autofree char *end = lectern_site_format_clock (lectern_slot_get_end (slot));

          if (lectern_slot_get_day_id (slot) != lectern_day_get_id (day))
            continue;

          lectern_yaml_writer_begin_mapping (w);
          lectern_yaml_writer_pair (w, "time", time);
          lectern_yaml_writer_pair (w, "start", start);
          lectern_yaml_writer_pair (w, "end", end);
          lectern_yaml_writer_pair (w, "kind", lectern_slot_kind_to_string (lectern_slot_get_kind (slot)));
          lectern_yaml_writer_pair (w, "title", lectern_slot_get_title (slot));
          lectern_yaml_writer_pair (w, "emoji", nonempty (lectern_slot_get_emoji (slot)));
          lectern_yaml_writer_pair (w, "session", session ? lectern_session_get_title (session) : NULL);
          lectern_yaml_writer_pair (w, "session_emoji",
                                    session ? nonempty (lectern_session_get_emoji (session)) : NULL);
          lectern_yaml_writer_pair (w, "sponsor", sponsor ? lectern_sponsor_get_name (sponsor) : NULL);
          lectern_yaml_writer_pair (w, "abstract", nonempty (lectern_slot_get_abstract (slot)));
          lectern_yaml_writer_pair (w, "note", nonempty (lectern_slot_get_note (slot)));
          lectern_yaml_writer_pair (w, "note_url", nonempty (lectern_slot_get_note_url (slot)));

          lectern_yaml_writer_string (w, "people");
          lectern_yaml_writer_begin_sequence (w);
          for (guint k = 0; k < appearances->len; k++)
            {
              const LecternAppearance *a = g_ptr_array_index (appearances, k);

              lectern_yaml_writer_begin_mapping (w);
              lectern_yaml_writer_pair (w, "name", a->name);
              lectern_yaml_writer_pair (w, "affiliation", nonempty (lectern_appearance_get_affiliation (a)));
              lectern_yaml_writer_pair (w, "role", lectern_appearance_role_to_string (a->role));
              lectern_yaml_writer_end_mapping (w);
            }
          lectern_yaml_writer_end_sequence (w);

          lectern_yaml_writer_string (w, "links");
          lectern_yaml_writer_begin_sequence (w);
          for (guint k = 0; k < links->len; k++)
            {
              const LecternLink *link = g_ptr_array_index (links, k);

              lectern_yaml_writer_begin_mapping (w);
              lectern_yaml_writer_pair (w, "kind", link->kind);
              lectern_yaml_writer_pair (w, "url", link->url);
              lectern_yaml_writer_end_mapping (w);
            }
          lectern_yaml_writer_end_sequence (w);

          lectern_yaml_writer_end_mapping (w);
        }

      lectern_yaml_writer_end_sequence (w);
      lectern_yaml_writer_end_mapping (w);
    }

  lectern_yaml_writer_end_sequence (w);
  lectern_yaml_writer_end_mapping (w);

  return lectern_yaml_writer_finish_file (w, "# Written by Lectern from the workshop file; edit the schedule in Lectern.\n",
                                          error);
}

/*
 * The rendering after the snapshot is read and the cards are planned,
 * shared by this thread and one more: each takes the next task (the
 * schedule's data, its table, the program's files, a run of cards)
 * until none is left, the longest first (the apps' files). The
 * tasks read the snapshot, which nothing changes, through arrays and
 * hash tables (a GListStore is not to be read from two threads at
 * once: it caches the last position read), and write their own results.
 */
#define CARDS_PER_TASK 128

enum
{
  TASK_FRAB,     /* the conference apps' files */
  TASK_DATA,     /* _data/schedule.yml */
  TASK_ICAL,     /* the calendar */
  TASK_BLOCK,    /* the home page's table */
  N_FIXED_TASKS  /* then the runs of cards */
};

typedef struct
{
  Snapshot           *snap;     /* borrowed */
  GArray             *jobs;     /* borrowed: CardJob */
  LecternProgramData *program;  /* borrowed, or NULL: no program files */
  gint                next;     /* the next task to take */
  guint               n_tasks;
  gint                failed;

  char               *block;
  GBytes             *data;
  char               *ics;
  char               *xml;
  char               *json;
  GError             *schedule_error;
  GError             *program_error;
  GError             *cards_error;   /* the first card that failed */
  GMutex              lock;
} RenderWork;

static void
render_work_clear (RenderWork *work)
{
  g_free (work->block);
  g_clear_pointer (&work->data, g_bytes_unref);
  g_free (work->ics);
  g_free (work->xml);
  g_free (work->json);
  g_clear_error (&work->schedule_error);
  g_clear_error (&work->program_error);
  g_clear_error (&work->cards_error);
  g_mutex_clear (&work->lock);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderWork, render_work_clear)

static gpointer
render_work_run (gpointer data)
{
  RenderWork *work = data;
  guint task;

  while ((task = (guint) g_atomic_int_add (&work->next, 1)) < work->n_tasks &&
         !g_atomic_int_get (&work->failed))
    {
      if (task == TASK_DATA)
        {
          work->data = render_schedule_data (work->snap, &work->schedule_error);
          if (work->data == NULL)
            g_atomic_int_set (&work->failed, TRUE);
        }
      else if (task == TASK_BLOCK)
        work->block = render_schedule_block (work->snap);
      else if (task == TASK_FRAB || task == TASK_ICAL)
        {
          g_autoptr(GError) local_error = NULL;
          gboolean ok = work->program == NULL ||
            (task == TASK_FRAB ? lectern_site_format_frab (work->program, &work->xml, &work->json, &local_error)
                               : (work->ics = lectern_site_format_ical (work->program, LECTERN_ICAL_DEFAULT,
                                                                        &local_error)) != NULL);

          if (ok)
            continue;
          g_mutex_lock (&work->lock);
          if (work->program_error == NULL)
            work->program_error = g_steal_pointer (&local_error);
          g_mutex_unlock (&work->lock);
          g_atomic_int_set (&work->failed, TRUE);
        }
      else
        {
          guint first = (task - N_FIXED_TASKS) * CARDS_PER_TASK;
          guint last = MIN (first + CARDS_PER_TASK, work->jobs->len);

          for (guint i = first; i < last; i++)
            {
              g_autoptr(GError) local_error = NULL;

              if (render_card_job (&g_array_index (work->jobs, CardJob, i), &local_error))
                continue;

              g_mutex_lock (&work->lock);
              if (work->cards_error == NULL)
                work->cards_error = g_steal_pointer (&local_error);
              g_mutex_unlock (&work->lock);
              g_atomic_int_set (&work->failed, TRUE);
              break;
            }
        }
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The tree                                                            */

/* The schedule's block for the home page (markers, note line, table). */
char *
lectern_site_render_schedule (LecternStore  *store,
                              GError       **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  snap = snapshot_read (store, NULL, error);
  if (snap == NULL)
    return NULL;

  return render_schedule_block (snap);
}

/* The schedule's checks that the workshop set to block the export:
 * when one fails, the export is refused with the list. Read only when
 * a check is set to block (none is, unless the organizers chose so).
 */
static gboolean
check_schedule (LecternStore  *store,
                GError       **error)
{
  g_autoptr(LecternScheduleFacts) facts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) list = NULL;
  LecternSeverity severities[LECTERN_N_CHECKS];
  gboolean any = FALSE;
  guint n;

  if (!lectern_store_get_check_severities (store, severities, error))
    return FALSE;
  for (guint i = 0; i < LECTERN_N_CHECKS; i++)
    any |= severities[i] == LECTERN_SEVERITY_BLOCK;
  if (!any)
    return TRUE;

  if (!(facts = lectern_schedule_facts_read (store, error)))
    return FALSE;
  problems = lectern_schedule_check (facts, NULL);
  n = lectern_schedule_count_blocking (problems);
  if (n == 0)
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      LecternProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == LECTERN_SEVERITY_BLOCK)
        g_string_append_printf (list, "\n• %s", problem->message);
    }

  g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BLOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "The schedule has %u problem that the workshop set to block the export:%s\nFix it, or set its check to warn. Nothing was written.",
                            "The schedule has %u problems that the workshop set to block the export:%s\nFix them, or set their checks to warn. Nothing was written.",
                            n),
               n, list->str);
  return FALSE;
}

/* Every file Lectern owns in the site, from the workshop file. A file
 * from a newer version of Lectern is refused: it may hold what this
 * version cannot render, and the export would drop it from the site.
 */
LecternSiteTree *
lectern_site_render (LecternStore  *store,
                     GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return lectern_site_render_at (store, now, error);
}

/**
 * lectern_site_render_at:
 * @now: the moment of the export: what the site says that depends on
 *   the day (the call's announcement) is said as of then
 */
LecternSiteTree *
lectern_site_render_at (LecternStore  *store,
                        GDateTime     *now,
                        GError       **error)
{
  g_autoptr(LecternSiteTree) tree = lectern_site_tree_new ();
  g_autoptr(Snapshot) snap = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) jobs = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(LecternProgramData) program = NULL;
  g_auto(RenderWork) work = { 0 };
  GThread *helper;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);

  if (lectern_store_get_schema_version (store) > LECTERN_SCHEMA_VERSION)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NEWER_FILE,
                   _("“%s” was written by a newer version of Lectern (file format %d; this version knows up to %d): exporting it could drop from the site what the newer version added. Update Lectern to export it. Nothing was written."),
                   lectern_store_get_path (store), lectern_store_get_schema_version (store),
                   LECTERN_SCHEMA_VERSION);
      return NULL;
    }

  if (!check_schedule (store, error))
    return NULL;

  snap = snapshot_read (store, now, error);
  if (snap == NULL)
    return NULL;

  jobs = plan_cards (snap, tree, images, error);
  if (jobs == NULL)
    return NULL;

  records = lectern_store_get_site_positions_or_records (store, FALSE, error);
  if (records == NULL)
    return NULL;
  keep_site_positions (jobs, records);

  /* the program's files, when the workshop writes them and has a
   * program yet (lectern-site-program.c) */
  if (lectern_site_program_wanted (snap->event))
    {
      g_autoptr(GListModel) rooms = lectern_store_list_rooms (store, error);
      g_autofree char *uuid = lectern_store_get_workshop_uuid (store);

      if (rooms == NULL)
        return NULL;
      program = lectern_program_data_new (lectern_store_get_path (store), uuid, snap->event, snap->days,
                                          snap->slots, snap->sessions, rooms);
      if (!lectern_program_data_read_deadlines (program, store, error))
        return NULL;
      if (!program->any_scheduled)
        g_clear_pointer (&program, lectern_program_data_free);
    }

  work.snap = snap;
  work.jobs = jobs;
  work.program = program;
  work.n_tasks = N_FIXED_TASKS + (jobs->len + CARDS_PER_TASK - 1) / CARDS_PER_TASK;
  g_mutex_init (&work.lock);

  helper = g_thread_new ("lectern-render", render_work_run, &work);
  render_work_run (&work);
  g_thread_join (helper);

  if (work.failed)
    {
      g_propagate_error (error, work.schedule_error ? g_steal_pointer (&work.schedule_error)
                                : work.program_error ? g_steal_pointer (&work.program_error)
                                                     : g_steal_pointer (&work.cards_error));
      return NULL;
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      CardJob *job = &g_array_index (jobs, CardJob, i);

      lectern_site_tree_add (tree, job->path, job->bytes, LECTERN_SITE_FILE_CARD);
    }
  lectern_site_tree_add_block (tree, LECTERN_SITE_PAGE, work.block,
                               lectern_event_get_plan_heading (snap->event));
  lectern_site_tree_add (tree, LECTERN_SITE_SCHEDULE_DATA, work.data, LECTERN_SITE_FILE_DATA);
  if (!lectern_site_render_cfp (store, tree, now, error))
    return NULL;
  if (program != NULL)
    lectern_site_program_add_files (tree, snap->event, g_steal_pointer (&work.ics),
                                    g_steal_pointer (&work.xml), g_steal_pointer (&work.json));

  return g_steal_pointer (&tree);
}
