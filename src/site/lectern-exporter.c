/* lectern-exporter.c: writes the workshop into an al-folio site checkout
 *
 * The export is a plan (every file Lectern owns, with the bytes it should
 * have) and a write (only the files whose bytes differ, each replaced
 * atomically). An unchanged workshop writes nothing and touches no mtime.
 *
 * Ownership: a card whose slug belongs to a card or sponsor of the
 * workshop file is Lectern's; any other file of the site is never
 * touched. In _pages/about.md only the text between Lectern's markers
 * (or, on the first export, the note and table under the plan heading)
 * is Lectern's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-exporter"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lectern-exporter.h"
#include "lectern-site-image.h"
#include "lectern-site-text.h"
#include "lectern-yaml-writer.h"

struct _LecternExporter
{
  GObject       parent_instance;

  LecternStore *store;
  char         *site_dir;
};

G_DEFINE_FINAL_TYPE (LecternExporter, lectern_exporter, G_TYPE_OBJECT)

G_DEFINE_QUARK (lectern-export-error-quark, lectern_export_error)

/* Everything the export reads, read once. */
typedef struct
{
  LecternEvent *event;
  GListModel   *cards;
  GListModel   *sponsors;
  GListModel   *days;
  GListModel   *sessions;
  GListModel   *slots;
  GHashTable   *sessions_by_id;   /* gint64* -> LecternSession */
  GHashTable   *sponsors_by_id;   /* gint64* -> LecternSponsor */
} Snapshot;

static void
snapshot_free (Snapshot *snap)
{
  g_clear_object (&snap->event);
  g_clear_object (&snap->cards);
  g_clear_object (&snap->sponsors);
  g_clear_object (&snap->days);
  g_clear_object (&snap->sessions);
  g_clear_object (&snap->slots);
  g_clear_pointer (&snap->sessions_by_id, g_hash_table_unref);
  g_clear_pointer (&snap->sponsors_by_id, g_hash_table_unref);
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
               GError       **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);

  if (!(snap->event = lectern_store_get_event (store, error)) ||
      !(snap->cards = lectern_store_list_cards (store, -1, error)) ||
      !(snap->sponsors = lectern_store_list_sponsors (store, error)) ||
      !(snap->days = lectern_store_list_days (store, error)) ||
      !(snap->sessions = lectern_store_list_sessions (store, error)) ||
      !(snap->slots = lectern_store_list_slots (store, 0, error)))
    return NULL;

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

void
lectern_export_file_free (LecternExportFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_free (file);
}

static void
lectern_exporter_finalize (GObject *object)
{
  LecternExporter *self = (LecternExporter *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->site_dir, g_free);

  G_OBJECT_CLASS (lectern_exporter_parent_class)->finalize (object);
}

static void
lectern_exporter_class_init (LecternExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_exporter_finalize;
}

static void
lectern_exporter_init (LecternExporter *self)
{
}

LecternExporter *
lectern_exporter_new (LecternStore *store,
                      const char   *site_dir)
{
  LecternExporter *self;

  g_return_val_if_fail (LECTERN_IS_STORE (store), NULL);
  g_return_val_if_fail (site_dir != NULL, NULL);

  self = g_object_new (LECTERN_TYPE_EXPORTER, NULL);
  self->store = g_object_ref (store);
  self->site_dir = g_canonicalize_filename (site_dir, NULL);

  return self;
}

/* ------------------------------------------------------------------ */
/* The schedule as Markdown                                            */

static const char *
nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? s : NULL;
}

/* "*All times HST, UTC-10. Find us in [Ballroom A (floor L4)](…) of the convention center.*" */
static char *
render_note_line (LecternEvent *event)
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
    when = g_date_time_new_now (tz);

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
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_days = g_list_model_get_n_items (snap->days);
  guint n_slots = g_list_model_get_n_items (snap->slots);

  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (snap->days, d);
      gint64 day_id = lectern_day_get_id (day);

      if (n_days > 1)
        {
          g_autofree char *label = format_day (lectern_day_get_date (day));
          g_autofree char *bold = g_strdup_printf ("**%s**", label);

          append_row (table, NULL, bold, NULL);
        }

      for (guint i = 0; i < n_slots; i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (snap->slots, i);
          gint64 session_id = lectern_slot_get_session_id (slot);
          LecternSession *session = snapshot_session (snap, session_id);

          if (lectern_slot_get_day_id (slot) != day_id)
            continue;

          if (session == NULL)
            {
              append_single (snap, table, slot);
              continue;
            }

          if (g_hash_table_contains (done, &session_id))
            continue;

          {
            g_autofree char *time = lectern_site_format_time (lectern_slot_get_start (slot));
            g_autofree char *heading = render_bold_title (lectern_session_get_emoji (session),
                                                          lectern_session_get_title (session));
            gint64 *key = g_new (gint64, 1);

            *key = session_id;
            g_hash_table_add (done, key);
            append_row (table, time, heading, NULL);
          }

          /* the session's talks, in time order, wherever they sit in the day */
          for (guint j = i; j < n_slots; j++)
            {
              g_autoptr(LecternSlot) item = g_list_model_get_item (snap->slots, j);

              if (lectern_slot_get_day_id (item) == day_id &&
                  lectern_slot_get_session_id (item) == session_id)
                append_session_item (table, item);
            }
        }
    }

  return g_string_free (table, FALSE);
}

static char *
render_schedule_block (Snapshot *snap)
{
  g_autofree char *note = render_note_line (snap->event);
  g_autofree char *table = render_table (snap);

  return g_strdup_printf (LECTERN_SCHEDULE_BEGIN_MARKER "\n\n%s\n\n%s\n" LECTERN_SCHEDULE_END_MARKER,
                          note, table);
}

char *
lectern_exporter_render_schedule (LecternExporter  *self,
                                  GError          **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  snap = snapshot_read (self->store, error);
  if (snap == NULL)
    return NULL;

  return render_schedule_block (snap);
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

/* Finds a line that starts with prefix; returns its start, or NULL. */
static const char *
find_line (const char *text,
           const char *prefix,
           const char *from)
{
  gsize len = strlen (prefix);

  for (const char *line = from; line && *line; )
    {
      const char *eol = strchr (line, '\n');

      if (strncmp (line, prefix, len) == 0)
        return line;

      line = eol ? eol + 1 : NULL;
    }

  return NULL;
}

static const char *
line_end (const char *line)
{
  const char *eol = strchr (line, '\n');

  return eol ? eol : line + strlen (line);
}

static gboolean
line_is_blank (const char *line)
{
  for (const char *p = line; *p && *p != '\n'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* prefix + block + rest, with exactly one blank line on each side of
 * the block: a comment glued to a table keeps kramdown from rendering
 * the table.
 */
static char *
join_around_block (const char *text,
                   gsize       prefix_len,
                   const char *block,
                   const char *rest)
{
  GString *out = g_string_new_len (text, prefix_len);

  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == '\r'))
    g_string_truncate (out, out->len - 1);
  if (out->len > 0)
    g_string_append (out, "\n\n");

  g_string_append (out, block);

  while (*rest == '\n' || *rest == '\r')
    rest++;
  if (*rest != '\0')
    g_string_append_printf (out, "\n\n%s", rest);
  else
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static char *
place_schedule (const char    *page,
                const char    *heading,
                const char    *block,
                GError       **error)
{
  const char *begin = find_line (page, "<!-- lectern:schedule:begin", page);
  const char *end = find_line (page, LECTERN_SCHEDULE_END_MARKER, page);
  const char *h;
  const char *cursor;
  const char *replace_end;

  if (begin != NULL || end != NULL)
    {
      if (begin == NULL || end == NULL || end < begin)
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                       _("%s has only one of Lectern’s two schedule markers (or they are in the wrong order). Restore the pair, or remove both to place the schedule under its heading again. Nothing was written."),
                       LECTERN_SITE_PAGE);
          return NULL;
        }

      return join_around_block (page, begin - page, block, line_end (end));
    }

  /* First export: the note and the table under the plan heading. */
  h = NULL;
  for (const char *line = page; line && *line; )
    {
      const char *eol = line_end (line);
      g_autofree char *text = g_strndup (line, eol - line);

      g_strchomp (text);
      if (g_strcmp0 (text, heading) == 0)
        {
          h = line;
          break;
        }
      line = *eol ? eol + 1 : NULL;
    }

  if (h == NULL)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE,
                   _("%s has neither Lectern’s schedule markers nor the heading “%s”. Add the heading where the schedule belongs (or set another heading in the event’s details). Nothing was written."),
                   LECTERN_SITE_PAGE, heading);
      return NULL;
    }

  cursor = *line_end (h) ? line_end (h) + 1 : line_end (h);
  replace_end = cursor;

  {
    const char *p = cursor;

    while (*p && line_is_blank (p))
      p = *line_end (p) ? line_end (p) + 1 : line_end (p);

    if (*p == '*')          /* the italic note line */
      {
        replace_end = line_end (p);
        p = *line_end (p) ? line_end (p) + 1 : line_end (p);
        while (*p && line_is_blank (p))
          p = *line_end (p) ? line_end (p) + 1 : line_end (p);
      }

    while (*p == '|')       /* the table */
      {
        replace_end = line_end (p);
        p = *line_end (p) ? line_end (p) + 1 : line_end (p);
      }
  }

  return join_around_block (page, line_end (h) - page, block, replace_end);
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

static void
add_file (GPtrArray             *plan,
          const char            *path,
          GBytes                *contents,
          LecternExportFileKind  kind)
{
  LecternExportFile *file = g_new0 (LecternExportFile, 1);

  file->path = g_strdup (path);
  file->contents = g_bytes_ref (contents);
  file->kind = kind;
  g_ptr_array_add (plan, file);
}

/* An uploaded photo or logo becomes assets/img/<slug>.jpg|png. */
static char *
plan_image (GPtrArray   *plan,
            GHashTable  *images_done,
            const char  *slug,
            GBytes      *data,
            GError     **error)
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
  if (!g_hash_table_contains (images_done, path))
    {
      g_hash_table_add (images_done, g_strdup (path));
      add_file (plan, path, prepared, LECTERN_EXPORT_FILE_IMAGE);
    }

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

static gboolean
plan_cards (Snapshot   *snap,
            GPtrArray  *plan,
            GError    **error)
{
  g_autoptr(GHashTable) counters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) person_images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) images_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_cards = g_list_model_get_n_items (snap->cards);
  guint n_sponsors = g_list_model_get_n_items (snap->sponsors);

  /* The list is ordered by role (speaker, panelist, moderator,
   * organizer), then by the organizers' order: counting per category
   * gives unique 1..N, moderators after the panelists.
   */
  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (snap->cards, i);
      LecternPerson *person = lectern_card_get_person (card);
      const char *category = lectern_card_get_archived (card)
        ? "none" : lectern_role_get_site_category (lectern_card_get_role (card));
      int importance = GPOINTER_TO_INT (g_hash_table_lookup (counters, category)) + 1;
      g_autofree char *first = lectern_site_escape_html (lectern_person_get_first_name (person));
      g_autofree char *family = lectern_site_escape_html (lectern_person_get_family_name (person));
      g_autofree char *title = NULL;
      g_autofree char *description = lectern_site_escape_html (lectern_person_get_affiliation (person));
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *img = nonempty (lectern_person_get_image_path (person));
      gint64 person_id = lectern_person_get_id (person);

      g_hash_table_insert (counters, (gpointer) category, GINT_TO_POINTER (importance));

      if (img == NULL && lectern_person_get_photo (person) != NULL)
        {
          img = g_hash_table_lookup (person_images, &person_id);
          if (img == NULL)
            {
              char *generated = plan_image (plan, images_done, lectern_card_get_slug (card),
                                            lectern_person_get_photo (person), error);
              gint64 *key;

              if (generated == NULL)
                return FALSE;

              key = g_new (gint64, 1);
              *key = person_id;
              g_hash_table_insert (person_images, key, generated);
              img = generated;
            }
        }

      title = nonempty (family)
        ? g_strdup_printf ("<b>%s</b> <br> %s", first, family)
        : g_strdup_printf ("<b>%s</b> <br>", first);

      if (!(path = card_path (lectern_card_get_slug (card), error)))
        return FALSE;

      bytes = render_front_matter (title, description, img,
                                   lectern_person_get_homepage (person),
                                   importance, category, error);
      if (bytes == NULL)
        return FALSE;

      add_file (plan, path, bytes, LECTERN_EXPORT_FILE_CARD);
    }

  for (guint i = 0; i < n_sponsors; i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (snap->sponsors, i);
      const char *category = lectern_sponsor_get_archived (sponsor) ? "none" : "sponsor";
      int importance = GPOINTER_TO_INT (g_hash_table_lookup (counters, category)) + 1;
      g_autofree char *name = lectern_site_escape_html (lectern_sponsor_get_name (sponsor));
      g_autofree char *title = g_strdup_printf ("<b>%s</b> <br>", name);
      g_autofree char *generated = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *img = nonempty (lectern_sponsor_get_logo_path (sponsor));

      g_hash_table_insert (counters, (gpointer) category, GINT_TO_POINTER (importance));

      if (img == NULL && lectern_sponsor_get_logo (sponsor) != NULL)
        {
          generated = plan_image (plan, images_done, lectern_sponsor_get_slug (sponsor),
                                  lectern_sponsor_get_logo (sponsor), error);
          if (generated == NULL)
            return FALSE;
          img = generated;
        }

      if (!(path = card_path (lectern_sponsor_get_slug (sponsor), error)))
        return FALSE;

      bytes = render_front_matter (title, NULL, img, lectern_sponsor_get_url (sponsor),
                                   importance, category, error);
      if (bytes == NULL)
        return FALSE;

      add_file (plan, path, bytes, LECTERN_EXPORT_FILE_CARD);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* _data/schedule.yml                                                  */

static GBytes *
render_schedule_data (Snapshot  *snap,
                      GError   **error)
{
  g_autoptr(LecternYamlWriter) w = lectern_yaml_writer_new ();
  guint n_days = g_list_model_get_n_items (snap->days);
  guint n_slots = g_list_model_get_n_items (snap->slots);
  g_autofree char *yaml = NULL;
  char *text;

  lectern_yaml_writer_begin_mapping (w);
  lectern_yaml_writer_pair (w, "timezone", lectern_event_get_timezone (snap->event));
  lectern_yaml_writer_string (w, "days");
  lectern_yaml_writer_begin_sequence (w);

  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (snap->days, d);

      lectern_yaml_writer_begin_mapping (w);
      lectern_yaml_writer_pair (w, "date", lectern_day_get_date (day));
      lectern_yaml_writer_string (w, "slots");
      lectern_yaml_writer_begin_sequence (w);

      for (guint i = 0; i < n_slots; i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (snap->slots, i);
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

  yaml = lectern_yaml_writer_finish (w, error);
  if (yaml == NULL)
    return NULL;

  text = g_strconcat ("# Written by Lectern from the workshop file; edit the schedule in Lectern.\n",
                      yaml, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* ------------------------------------------------------------------ */
/* Plan and write                                                      */

static gboolean
classify (LecternExporter    *self,
          LecternExportFile  *file,
          GError            **error)
{
  g_autofree char *full = g_build_filename (self->site_dir, file->path, NULL);
  g_autofree char *current = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (full, &current, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      file->change = LECTERN_EXPORT_NEW;
      return TRUE;
    }

  {
    g_autoptr(GBytes) old = g_bytes_new_take (g_steal_pointer (&current), length);

    file->change = g_bytes_equal (old, file->contents) ? LECTERN_EXPORT_UNCHANGED
                                                       : LECTERN_EXPORT_CHANGED;
  }

  return TRUE;
}

/* Every file Lectern owns in the site, with the bytes it should have
 * and whether that differs from what is there. Reads the site, writes
 * nothing.
 */
GPtrArray *
lectern_exporter_plan (LecternExporter  *self,
                       GError          **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) lectern_export_file_free);
  g_autoptr(Snapshot) snap = NULL;
  g_autofree char *page_path = NULL;
  g_autofree char *page = NULL;
  g_autofree char *block = NULL;
  g_autofree char *new_page = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  if (!g_file_test (self->site_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   _("“%s” is not a folder."), self->site_dir);
      return NULL;
    }

  page_path = g_build_filename (self->site_dir, LECTERN_SITE_PAGE, NULL);
  if (!g_file_get_contents (page_path, &page, NULL, &local_error))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE,
                   _("“%s” does not look like the workshop’s site: %s"),
                   self->site_dir, local_error->message);
      return NULL;
    }

  if (!g_utf8_validate (page, -1, NULL))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s is not UTF-8 text. Nothing was written."), LECTERN_SITE_PAGE);
      return NULL;
    }

  snap = snapshot_read (self->store, error);
  if (snap == NULL)
    return NULL;

  if (!plan_cards (snap, plan, error))
    return NULL;

  block = render_schedule_block (snap);
  new_page = place_schedule (page, lectern_event_get_plan_heading (snap->event), block, error);
  if (new_page == NULL)
    return NULL;

  {
    gsize len = strlen (new_page);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&new_page), len);

    add_file (plan, LECTERN_SITE_PAGE, bytes, LECTERN_EXPORT_FILE_PAGE);
  }

  data = render_schedule_data (snap, error);
  if (data == NULL)
    return NULL;
  add_file (plan, LECTERN_SITE_SCHEDULE_DATA, data, LECTERN_EXPORT_FILE_DATA);

  for (guint i = 0; i < plan->len; i++)
    if (!classify (self, g_ptr_array_index (plan, i), error))
      return NULL;

  return g_steal_pointer (&plan);
}

/* Writes the files of the plan that changed, each atomically (a crash
 * leaves the old file or the new one, never half of one). A file
 * Lectern does not own is never in a plan.
 */
gboolean
lectern_exporter_write (LecternExporter  *self,
                        GPtrArray        *plan,
                        GError          **error)
{
  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (plan, i);
      g_autofree char *full = NULL;
      g_autofree char *dir = NULL;
      gsize size;
      const char *data;

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      full = g_build_filename (self->site_dir, file->path, NULL);
      dir = g_path_get_dirname (full);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }

      data = g_bytes_get_data (file->contents, &size);
      if (!g_file_set_contents_full (full, data ? data : "", size,
                                     G_FILE_SET_CONTENTS_CONSISTENT,
                                     0644, error))
        return FALSE;
    }

  return TRUE;
}

/* "new _projects/ann.md" lines, for a dry run; "" when nothing changes. */
char *
lectern_exporter_describe_plan (GPtrArray *plan)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (plan, i);

      if (file->change == LECTERN_EXPORT_NEW)
        g_string_append_printf (out, "new      %s\n", file->path);
      else if (file->change == LECTERN_EXPORT_CHANGED)
        g_string_append_printf (out, "changed  %s\n", file->path);
    }

  return g_string_free (out, FALSE);
}

/* "3 cards updated, schedule unchanged": what an export did, for a toast. */
char *
lectern_exporter_summarize_plan (GPtrArray *plan)
{
  guint cards_new = 0, cards_changed = 0, images = 0;
  gboolean schedule = FALSE;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      LecternExportFile *file = g_ptr_array_index (plan, i);

      if (file->change == LECTERN_EXPORT_UNCHANGED)
        continue;

      switch (file->kind)
        {
        case LECTERN_EXPORT_FILE_CARD:
          if (file->change == LECTERN_EXPORT_NEW)
            cards_new++;
          else
            cards_changed++;
          break;

        case LECTERN_EXPORT_FILE_IMAGE:
          images++;
          break;

        case LECTERN_EXPORT_FILE_PAGE:
        case LECTERN_EXPORT_FILE_DATA:
          schedule = TRUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (cards_new == 0 && cards_changed == 0 && images == 0 && !schedule)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("The site is up to date"));
    }

  if (cards_new > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u card added", "%u cards added", cards_new),
                            cards_new);
  if (cards_changed > 0)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u card updated", "%u cards updated", cards_changed),
                              cards_changed);
    }
  if (images > 0)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u image written", "%u images written", images),
                              images);
    }
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, schedule ? _("schedule updated") : _("schedule unchanged"));

  return g_string_free (out, FALSE);
}

guint
lectern_exporter_count_changes (GPtrArray *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->len; i++)
    if (((LecternExportFile *) g_ptr_array_index (plan, i))->change != LECTERN_EXPORT_UNCHANGED)
      n++;

  return n;
}

const char *
lectern_exporter_get_site_dir (LecternExporter *self)
{
  g_return_val_if_fail (LECTERN_IS_EXPORTER (self), NULL);

  return self->site_dir;
}

/* The worker reads the workshop through a connection of its own, so the
 * window's connection (and its transactions) are never shared across
 * threads.
 */
static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LecternExporter *self = source_object;
  gboolean write = GPOINTER_TO_INT (task_data);
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternExporter) worker = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  GError *error = NULL;

  store = lectern_store_open (lectern_store_get_path (self->store), &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  worker = lectern_exporter_new (store, self->site_dir);
  plan = lectern_exporter_plan (worker, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (write && !lectern_exporter_write (worker, plan, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&plan), (GDestroyNotify) g_ptr_array_unref);
}

static void
run_async (LecternExporter     *self,
           gboolean             write,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (write), NULL);
  g_task_run_in_thread (task, export_worker);
}

/* The plan (what would change), computed off the main thread. */
void
lectern_exporter_plan_async (LecternExporter     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (LECTERN_IS_EXPORTER (self));

  run_async (self, FALSE, lectern_exporter_plan_async, cancellable, callback, user_data);
}

GPtrArray *
lectern_exporter_plan_finish (LecternExporter  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_exporter_plan_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Plan and write, off the main thread; returns the plan that was
 * written (its change fields tell what changed).
 */
void
lectern_exporter_export_async (LecternExporter     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LECTERN_IS_EXPORTER (self));

  run_async (self, TRUE, lectern_exporter_export_async, cancellable, callback, user_data);
}

GPtrArray *
lectern_exporter_export_finish (LecternExporter  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lectern_exporter_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
