/* lectern-schedule-reader.c: the schedule table(s) of a workshop's home
 * page, read into days, sessions and slots
 *
 * Real workshop pages write their program in several styles, and this
 * reader takes them all (tests/fixtures/schedules/ has each one):
 *
 *  - a session heading with a time, its talks on rows without one
 *    ("| 9:00am | 🔥 **Session I: …** |", then "| | Title | Name <br>
 *    *(Affiliation)* |"), their times shared out over the session;
 *  - a heading without a time, its talks on timed rows ("Talk: **Title**",
 *    "Oral: [Title](paper)", or the kind alone with "Name: Title <br>
 *    **(Affiliation)**" in the speaker's cell, or a title and no speaker);
 *  - breaks in italics, a panel's panelists and moderators on the rows
 *    after it, a sponsor ("*sponsored by …*"), a note with a link;
 *  - "noon", 12- and 24-hour times, ranges ("10:30 - 11:00");
 *  - a day in two tables (morning and afternoon), a day per table or per
 *    bold date row, the title and speaker in one cell split by <br>,
 *    authors in italics, slide and paper links, abstracts in <details>;
 *  - a table kept inside an HTML comment (a draft), read only when the
 *    page has no other.
 *
 * Times are minutes of the day in the workshop's time zone, as the page
 * writes them. An end time, where given, sets a slot's duration, and
 * otherwise the next slot's start does. What cannot be read is never
 * guessed silently: each such cell is reported with its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-schedule-reader-private.h"
#include "lectern-site-markdown.h"
#include "lectern-slot.h"

#define DEFAULT_LAST_DURATION 30
#define MAX_CELL_LENGTH (64 * 1024)


/* ------------------------------------------------------------------ */
/* The reader                                                          */

typedef enum
{
  COLUMN_OTHER,
  COLUMN_TIME,
  COLUMN_TOPIC,
  COLUMN_SPEAKER,
  COLUMN_LINKS,
  COLUMN_ABSTRACT,
} Column;

typedef struct
{
  const char          *path;
  int                  year;
  LecternReadSchedule *out;
  LecternReadDay      *day;
  LecternReadSlot     *last;      /* for the rows that continue a slot */
  LecternReadSlot     *heading;   /* a timed bold row, not yet known to be a session */
  int                  session;   /* the open session, or -1 */
  GArray              *columns;   /* Column, per cell */
  gboolean             twelve_hour;
} Reader;

static void G_GNUC_PRINTF (3, 4)
note (Reader     *self,
      guint       line,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->out->notes,
                   g_strdup_printf (_("%s, line %u: %s"), self->path, line, text));
}

static void finish_day (Reader *self);

static void
start_day (Reader     *self,
           const char *date,
           guint       line)
{
  LecternReadDay *day;

  if (self->day != NULL)
    finish_day (self);

  day = g_new0 (LecternReadDay, 1);

  day->date = g_strdup (date);
  day->line = line;
  day->sessions = g_ptr_array_new_with_free_func (_lectern_schedule_read_session_free);
  day->slots = g_ptr_array_new_with_free_func (_lectern_schedule_read_slot_free);
  g_ptr_array_add (self->out->days, day);
  self->day = day;
  self->last = NULL;
  self->session = -1;
}

static void
add_slot (Reader          *self,
          LecternReadSlot *slot)
{
  if (self->day == NULL)
    start_day (self, NULL, slot->line);

  g_ptr_array_add (self->day->slots, slot);
  self->last = slot;
}

/* A timed bold row that no talk followed: a slot of its own */
static void
flush_heading (Reader *self)
{
  LecternReadSlot *heading = g_steal_pointer (&self->heading);
  gboolean known;

  if (heading == NULL)
    return;

  heading->kind = _lectern_schedule_kind_from_words (heading->title, &known);
  if (!known)
    note (self, heading->line,
          _("“%s” is on a row of its own and names no kind Lectern knows (break, poster "
            "session, panel, …): read as a talk without a speaker."), heading->title);
  add_slot (self, heading);
}

static void
open_session (Reader     *self,
              const char *title,
              const char *emoji,
              int         start,
              guint       line)
{
  LecternReadSession *session = g_new0 (LecternReadSession, 1);

  if (self->day == NULL)
    start_day (self, NULL, line);

  session->title = g_strdup (title);
  session->emoji = g_strdup (emoji);
  session->start = start;
  session->line = line;
  g_ptr_array_add (self->day->sessions, session);
  self->session = self->day->sessions->len - 1;
}

static void
close_session (Reader *self)
{
  LecternReadSession *session;
  gboolean empty = TRUE;

  if (self->session < 0)
    return;

  session = g_ptr_array_index (self->day->sessions, self->session);
  for (guint i = 0; i < self->day->slots->len; i++)
    if (((LecternReadSlot *) g_ptr_array_index (self->day->slots, i))->session == self->session)
      empty = FALSE;

  if (empty)
    note (self, session->line, _("the session “%s” has no talks under it; it was left out."),
          session->title);
  self->session = -1;
}

static const char *
session_title (Reader *self)
{
  if (self->session < 0)
    return NULL;
  return ((LecternReadSession *) g_ptr_array_index (self->day->sessions, self->session))->title;
}



/* A speaker's cell, or the part of a topic after its <br>: "Name <br>
 * *(Affiliation)*", several of them, "Name (Affiliation)", authors in
 * italics ("*A. Lima, B. Chen*"), or, where the row named only the kind
 * of talk, "Name: Title <br> **(Affiliation)**" (@title is then set).
 */
static void
read_presenters (Reader                *self,
                 LecternReadSlot       *slot,
                 const char            *cell,
                 LecternAppearanceRole  role,
                 gboolean               title_here,
                 guint                  line)
{
  g_autofree char *rest = _lectern_schedule_take_material_links (cell, slot);
  g_autoptr(GPtrArray) parts = lectern_markdown_split_br (rest);
  gboolean affiliated = _lectern_schedule_has_affiliation_part (parts);
  LecternReadPerson *last = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      g_autofree char *aff = _lectern_schedule_parse_affiliation (part);
      g_autofree char *text = NULL;

      if (aff != NULL)
        {
          if (last != NULL && last->affiliation == NULL)
            last->affiliation = g_steal_pointer (&aff);
          else
            note (self, line, _("the affiliation “%s” follows no name; it was left out."), aff);
          continue;
        }

      text = lectern_markdown_to_text (part);
      if (title_here && slot->title == NULL)
        {
          char *colon = strstr (text, ": ");

          /* "Hagay Lupesko: Zero to 50 ExaFLOPS …" names the speaker
           * first; a title alone ("FPTQuant: Function-Preserving …")
           * comes without an affiliation */
          if (colon != NULL && affiliated)
            {
              g_autofree char *name = g_strndup (text, colon - text);

              slot->title = g_strdup (colon + 2);
              last = _lectern_schedule_parse_person (name, role, line);
              if (last != NULL)
                g_ptr_array_add (slot->people, last);
            }
          else
            slot->title = g_steal_pointer (&text);
          continue;
        }

      if (lectern_markdown_is_wrapped (part, "*") && strchr (part, ',') != NULL)
        {
          g_autoptr(GPtrArray) names = _lectern_schedule_split_people (text);

          for (guint n = 0; n < names->len; n++)
            {
              LecternReadPerson *author = _lectern_schedule_parse_person (g_ptr_array_index (names, n),
                                                                          LECTERN_APPEARANCE_AUTHOR, line);
              if (author != NULL)
                g_ptr_array_add (slot->people, author);
            }
          last = NULL;
          continue;
        }

      /* "A (X), B (Y), C (Z)" on one line */
      {
        g_autoptr(GPtrArray) names = _lectern_schedule_split_people (part);

        if (names->len > 1 && _lectern_schedule_looks_like_people (part))
          {
            for (guint n = 0; n < names->len; n++)
              {
                LecternReadPerson *person = _lectern_schedule_parse_person (g_ptr_array_index (names, n), role, line);

                if (person != NULL)
                  g_ptr_array_add (slot->people, person);
              }
            last = NULL;
            continue;
          }
      }

      last = _lectern_schedule_parse_person (part, role, line);
      if (last != NULL)
        g_ptr_array_add (slot->people, last);
    }
}


/* "*RSVP on [Partiful](https://…) to get a ticket!*": the slot's note */
static void
read_note (Reader          *self,
           LecternReadSlot *slot,
           const char      *cell,
           guint            line)
{
  LecternMarkdownLink link;
  g_autofree char *text = lectern_markdown_to_text (cell);

  if (slot->note != NULL)
    {
      char *joined = g_strconcat (slot->note, " ", text, NULL);

      g_free (slot->note);
      slot->note = joined;
      return;
    }

  slot->note = g_steal_pointer (&text);
  if (lectern_markdown_find_link (cell, 0, &link))
    {
      slot->note_link_text = lectern_markdown_to_text (link.text);
      slot->note_url = g_strdup (link.url);
      lectern_markdown_link_clear (&link);
    }
  (void) self;
  (void) line;
}

static void
read_people_row (Reader                *self,
                 LecternReadSlot       *slot,
                 const char            *list,
                 LecternAppearanceRole  role,
                 guint                  line)
{
  g_autoptr(GPtrArray) names = _lectern_schedule_split_people (list);

  for (guint i = 0; i < names->len; i++)
    {
      LecternReadPerson *person = _lectern_schedule_parse_person (g_ptr_array_index (names, i), role, line);

      if (person != NULL)
        g_ptr_array_add (slot->people, person);
    }
  (void) self;
}




typedef struct
{
  guint       line;
  const char *time;
  const char *topic;
  const char *speaker;
  const char *links;
  const char *abstract;
} Row;

/* A row that reads as a talk: its own slot, or one of the open session's */
static void
read_talk (Reader    *self,
           const Row *row,
           int        start,
           int        end)
{
  LecternReadSlot *slot = _lectern_schedule_read_slot_new (row->line);
  g_autofree char *abstract = NULL;
  g_autofree char *topic = lectern_markdown_take_details (row->topic, &abstract);
  g_autofree char *speaker_abstract = NULL;
  g_autofree char *speaker = lectern_markdown_take_details (row->speaker ? row->speaker : "", &speaker_abstract);
  g_autofree char *material = _lectern_schedule_take_material_links (topic, slot);
  g_autoptr(GPtrArray) parts = lectern_markdown_split_br (material);
  const char *session = session_title (self);
  gboolean labelled = FALSE;
  gboolean bare = FALSE;
  LecternAppearanceRole role;

  slot->start = start;
  slot->duration = end >= 0 && start >= 0 ? end - start : -1;
  slot->kind = LECTERN_SLOT_TALK;
  slot->session = self->session;

  /* in a session of contributed talks or orals, the talks are theirs */
  if (session != NULL)
    {
      LecternSlotKind kind = _lectern_schedule_kind_from_words (session, NULL);

      if (kind == LECTERN_SLOT_CONTRIBUTED || kind == LECTERN_SLOT_ORAL || kind == LECTERN_SLOT_KEYNOTE)
        slot->kind = kind;
    }

  if (parts->len > 0)
    {
      g_autofree char *plain = lectern_markdown_to_text (g_ptr_array_index (parts, 0));
      LecternSlotKind kind;

      /* "**Invited Talk**" alone: the title is in the speaker's cell */
      if (_lectern_schedule_label_kind (plain, &kind))
        {
          slot->kind = kind;
          bare = TRUE;
        }
      else
        _lectern_schedule_read_title (slot, g_ptr_array_index (parts, 0), &labelled);
    }

  role = slot->kind == LECTERN_SLOT_CONTRIBUTED || slot->kind == LECTERN_SLOT_ORAL
         ? LECTERN_APPEARANCE_AUTHOR : LECTERN_APPEARANCE_SPEAKER;

  /* "**Panel: Who Pays?** <br> A (X), B (Y)": the people are panelists */
  if (!labelled && !bare && slot->title != NULL &&
      _lectern_schedule_kind_from_words (slot->title, NULL) == LECTERN_SLOT_PANEL)
    {
      slot->kind = LECTERN_SLOT_PANEL;
      role = LECTERN_APPEARANCE_PANELIST;
    }

  /* "**Title** <br> Jane Roe (MIT)": the presenters follow the title */
  for (guint i = 1; i < parts->len; i++)
    read_presenters (self, slot, g_ptr_array_index (parts, i), role, FALSE, row->line);

  if (speaker != NULL && *speaker != '\0')
    read_presenters (self, slot, speaker, role, bare, row->line);

  /* a column of its own for slides and papers: its links, not its text */
  if (row->links != NULL)
    g_free (_lectern_schedule_take_material_links (row->links, slot));

  if (abstract != NULL || speaker_abstract != NULL)
    slot->abstract = lectern_markdown_to_text (abstract != NULL ? abstract : speaker_abstract);
  else if (row->abstract != NULL && *row->abstract != '\0')
    slot->abstract = lectern_markdown_to_text (row->abstract);

  if (slot->title == NULL || *slot->title == '\0')
    {
      g_free (slot->title);
      slot->title = g_strdup (slot->kind == LECTERN_SLOT_ORAL ? "Oral" : "Talk");
      note (self, row->line, _("this talk has no title; it was named “%s”."), slot->title);
    }

  /* a plain row without presenters that names a break or the like */
  if (slot->people->len == 0 && !labelled && !bare && slot->session < 0)
    {
      gboolean known;
      LecternSlotKind kind = _lectern_schedule_kind_from_words (slot->title, &known);

      if (known && !lectern_slot_kind_is_talk (kind))
        slot->kind = kind;
    }

  add_slot (self, slot);
}

static void
read_row (Reader    *self,
          const Row *row)
{
  g_autofree char *emoji = NULL;
  g_autofree char *body = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *sponsor = NULL;
  int start = -1, end = -1, meridiem = 0;
  gboolean timed = row->time != NULL && *row->time != '\0';
  gboolean speaker_empty = row->speaker == NULL || *row->speaker == '\0';
  gboolean bold, italic;
  LecternSlotKind kind;

  if (!timed && *row->topic == '\0' && speaker_empty)
    return;

  if (timed)
    {
      if (!_lectern_schedule_parse_time_cell (row->time, &start, &end, &meridiem))
        {
          note (self, row->line, _("the time “%s” cannot be read; the row was left out."), row->time);
          return;
        }
      if (meridiem != 0)
        self->twelve_hour = TRUE;
      /* "1:30" among "11:00am" rows is in the afternoon */
      else if (self->twelve_hour && self->last != NULL && self->last->start > start &&
               start < 12 * 60 && start + 12 * 60 >= self->last->start)
        {
          start += 12 * 60;
          if (end >= 0 && end < 12 * 60)
            end += 12 * 60;
          note (self, row->line, _("“%s” has no am or pm and would come before the row above; "
                                   "read as afternoon."), row->time);
        }
    }

  body = lectern_markdown_strip_emoji (row->topic, &emoji);
  plain = lectern_markdown_to_text (body);
  bold = lectern_markdown_is_wrapped (body, "**") && !_lectern_schedule_label_kind (plain, &kind);
  italic = lectern_markdown_is_wrapped (body, "*");
  sponsor = speaker_empty ? NULL : _lectern_schedule_sponsor_of (row->speaker);

  /* "| | **Saturday, July 29** | |": a new day */
  if (!timed && bold && speaker_empty)
    {
      g_autofree char *date = lectern_schedule_parse_date (plain, self->year);

      if (date != NULL)
        {
          flush_heading (self);
          close_session (self);
          start_day (self, date, row->line);
          return;
        }
    }

  /* "*Moderated by A (X), B (Y).*" */
  if (!timed && italic && g_ascii_strncasecmp (plain, "moderated by ", 13) == 0)
    {
      g_autofree char *list = g_strdup (plain + 13);
      gsize len = strlen (list);

      flush_heading (self);
      if (len > 0 && list[len - 1] == '.')
        list[len - 1] = '\0';
      if (self->last == NULL)
        note (self, row->line, _("the moderators follow no slot; they were left out."));
      else
        read_people_row (self, self->last, list, LECTERN_APPEARANCE_MODERATOR, row->line);
      return;
    }

  /* a panel's panelists, on the row after it */
  if (!timed && speaker_empty &&
      (_lectern_schedule_is_panel (self->heading) ||
       (self->heading == NULL && _lectern_schedule_is_panel (self->last) &&
        !_lectern_schedule_has_role (self->last, LECTERN_APPEARANCE_PANELIST))) &&
      !italic && _lectern_schedule_looks_like_people (row->topic))
    {
      if (self->heading != NULL)
        {
          self->heading->kind = LECTERN_SLOT_PANEL;
          add_slot (self, g_steal_pointer (&self->heading));
        }
      read_people_row (self, self->last, row->topic, LECTERN_APPEARANCE_PANELIST, row->line);
      return;
    }

  /* a bold row: a session's heading, or a slot of its own */
  if (bold && (speaker_empty || sponsor != NULL))
    {
      LecternReadSlot *heading;

      flush_heading (self);
      close_session (self);

      if (!timed)
        {
          open_session (self, plain, emoji, -1, row->line);
          return;
        }

      heading = _lectern_schedule_read_slot_new (row->line);
      heading->start = start;
      heading->duration = end >= 0 ? end - start : -1;
      heading->title = g_strdup (plain);
      heading->emoji = g_steal_pointer (&emoji);
      heading->sponsor = g_steal_pointer (&sponsor);
      heading->kind = _lectern_schedule_kind_from_words (plain, NULL);
      self->heading = heading;
      if (heading->sponsor != NULL)
        flush_heading (self);
      return;
    }

  /* an italic row: a break with a time, a note without one */
  if (italic && (speaker_empty || sponsor != NULL))
    {
      if (!timed)
        {
          flush_heading (self);
          if (self->last == NULL)
            note (self, row->line, _("“%s” follows no slot; it was left out."), plain);
          else
            read_note (self, self->last, row->topic, row->line);
          return;
        }

      flush_heading (self);
      close_session (self);
      {
        LecternReadSlot *slot = _lectern_schedule_read_slot_new (row->line);
        gboolean known;

        slot->start = start;
        slot->duration = end >= 0 ? end - start : -1;
        slot->title = g_strdup (plain);
        slot->emoji = g_steal_pointer (&emoji);
        slot->sponsor = g_steal_pointer (&sponsor);
        slot->kind = _lectern_schedule_kind_from_words (plain, &known);
        if (!known)
          slot->kind = LECTERN_SLOT_REMARKS;
        add_slot (self, slot);
      }
      return;
    }

  /* "| | | Second Speaker <br> *(X)* |": more presenters for the slot above */
  if (!timed && *row->topic == '\0')
    {
      flush_heading (self);
      if (self->last == NULL)
        note (self, row->line, _("“%s” follows no slot; it was left out."), row->speaker);
      else
        read_presenters (self, self->last, row->speaker, LECTERN_APPEARANCE_SPEAKER, FALSE, row->line);
      return;
    }

  /* a talk. After a timed heading, an untimed talk makes it a session. */
  if (self->heading != NULL)
    {
      if (!timed && !lectern_slot_kind_is_plain (self->heading->kind))
        {
          LecternReadSlot *heading = g_steal_pointer (&self->heading);

          open_session (self, heading->title, heading->emoji, heading->start, heading->line);
          _lectern_schedule_read_slot_free (heading);
        }
      else
        flush_heading (self);
    }
  else if (timed && lectern_markdown_is_wrapped (body, "**"))
    close_session (self);   /* a bold title with a time stands on its own */

  if (self->session < 0 && !timed)
    {
      note (self, row->line, _("“%s” has no time and follows no session heading; it was given "
                               "the time after the slot above."), plain);
    }

  read_talk (self, row, start, end);
}

/* ------------------------------------------------------------------ */
/* Times of a day                                                      */

/* span * k / n, to the nearest 5 minutes */
static int
share5 (int  span,
        guint k,
        guint n)
{
  int v = span * (int) k;

  if (span <= 0)
    return 0;
  return (v * 2 + 5 * (int) n) / (10 * (int) n) * 5;
}

/* The next slot after @i with a start of its own */
static int
next_start (LecternReadDay *day,
            guint           i,
            int             after)
{
  for (guint j = i + 1; j < day->slots->len; j++)
    {
      LecternReadSlot *next = g_ptr_array_index (day->slots, j);

      if (next->start > after)
        return next->start;
    }
  return -1;
}

static void
finish_day (Reader *self)
{
  LecternReadDay *day = self->day;

  flush_heading (self);
  close_session (self);
  if (day == NULL)
    return;

  /* a session's first untimed talk starts at the session's heading */
  for (guint i = 0; i < day->slots->len; i++)
    {
      LecternReadSlot *slot = g_ptr_array_index (day->slots, i);
      LecternReadSlot *before = i > 0 ? g_ptr_array_index (day->slots, i - 1) : NULL;

      if (slot->start < 0 && slot->session >= 0 && (before == NULL || before->session != slot->session))
        slot->start = ((LecternReadSession *) g_ptr_array_index (day->sessions, slot->session))->start;
    }

  /* untimed runs (a session's talks): shared out from the first one's
   * time to the next time given, in fives */
  for (guint i = 0; i < day->slots->len; i++)
    {
      LecternReadSlot *slot = g_ptr_array_index (day->slots, i);
      LecternReadSlot *before = i > 0 ? g_ptr_array_index (day->slots, i - 1) : NULL;
      guint n = 1;
      int until, begin;

      if (slot->start < 0)
        {
          if (before != NULL)
            slot->start = before->start + MAX (before->duration, 0);
          else
            {
              note (self, slot->line, _("“%s” has no time, and nothing before it gives one; "
                                        "it was placed at 9:00am."), slot->title);
              slot->start = 9 * 60;
            }
        }

      while (slot->session >= 0 && i + n < day->slots->len &&
             ((LecternReadSlot *) g_ptr_array_index (day->slots, i + n))->start < 0 &&
             ((LecternReadSlot *) g_ptr_array_index (day->slots, i + n))->session == slot->session)
        n++;
      if (n == 1)
        continue;

      until = next_start (day, i + n - 1, slot->start);
      if (until < 0)
        {
          until = slot->start + DEFAULT_LAST_DURATION * n;
          note (self, slot->line, _("nothing after “%s” gives its end; it was given %d minutes."),
                slot->title, DEFAULT_LAST_DURATION * n);
        }

      begin = slot->start;
      for (guint k = 0; k < n; k++)
        {
          LecternReadSlot *s = g_ptr_array_index (day->slots, i + k);

          s->start = begin + share5 (until - begin, k, n);
          s->duration = begin + share5 (until - begin, k + 1, n) - s->start;
        }
      i += n - 1;
    }

  /* durations: the end given, or the next slot's start */
  for (guint i = 0; i < day->slots->len; i++)
    {
      LecternReadSlot *slot = g_ptr_array_index (day->slots, i);
      int next;

      if (slot->duration > 0)
        continue;
      if (slot->duration == 0 || (slot->duration < 0 && slot->duration != -1))
        note (self, slot->line, _("“%s” ends before it starts."), slot->title);

      next = next_start (day, i, slot->start);
      if (next < 0)
        {
          slot->duration = DEFAULT_LAST_DURATION;
          if (i + 1 == day->slots->len)
            note (self, slot->line, _("“%s” is the day’s last slot and has no end time; it was "
                                      "given %d minutes."), slot->title, DEFAULT_LAST_DURATION);
        }
      else
        slot->duration = next - slot->start;
    }
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct
{
  guint     first;   /* index in lines of the header row */
  guint     last;    /* of the last row */
  gboolean  comment;
} Table;

typedef struct
{
  char     *text;
  guint     number;
  gboolean  comment;
  gboolean  code;
} Line;

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->text);
}

static Column
column_of (const char *header,
           guint       index)
{
  g_autofree char *text = lectern_markdown_to_text (header);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  static const struct { const char *word; Column column; } words[] = {
    { "time", COLUMN_TIME }, { "when", COLUMN_TIME }, { "hour", COLUMN_TIME },
    { "topic", COLUMN_TOPIC }, { "title", COLUMN_TOPIC }, { "talk", COLUMN_TOPIC },
    { "session", COLUMN_TOPIC }, { "event", COLUMN_TOPIC }, { "what", COLUMN_TOPIC },
    { "program", COLUMN_TOPIC }, { "activity", COLUMN_TOPIC }, { "agenda", COLUMN_TOPIC },
    { "speaker", COLUMN_SPEAKER }, { "who", COLUMN_SPEAKER }, { "presenter", COLUMN_SPEAKER },
    { "slides", COLUMN_LINKS }, { "links", COLUMN_LINKS }, { "material", COLUMN_LINKS },
    { "abstract", COLUMN_ABSTRACT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (lower, words[i].word))
      return words[i].column;

  if (*lower == '\0' && index == 0)
    return COLUMN_TIME;

  return COLUMN_OTHER;
}

static void
read_columns (Reader    *self,
              GPtrArray *header)
{
  gboolean have[COLUMN_ABSTRACT + 1] = { FALSE, };

  g_array_set_size (self->columns, 0);
  for (guint i = 0; i < header->len; i++)
    {
      Column c = column_of (g_ptr_array_index (header, i), i);

      if (c != COLUMN_OTHER && have[c])
        c = COLUMN_OTHER;
      have[c] = TRUE;
      g_array_append_val (self->columns, c);
    }

  /* without names: time, topic, speaker, in that order */
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *c = &g_array_index (self->columns, Column, i);

      if (*c != COLUMN_OTHER)
        continue;
      if (!have[COLUMN_TIME] && i == 0)
        *c = COLUMN_TIME, have[COLUMN_TIME] = TRUE;
      else if (!have[COLUMN_TOPIC])
        *c = COLUMN_TOPIC, have[COLUMN_TOPIC] = TRUE;
      else if (!have[COLUMN_SPEAKER])
        *c = COLUMN_SPEAKER, have[COLUMN_SPEAKER] = TRUE;
    }
}

static char *
row_text (const Line *line)
{
  char *text = g_strdup (line->text);
  char *p;

  /* a commented table: "<!-- |…|" opens it, "|…| -->" closes it */
  if ((p = strstr (text, "-->")) != NULL)
    *p = '\0';
  if ((p = strstr (text, "<!--")) != NULL)
    memset (p, ' ', 4);

  return g_strstrip (text);
}

static gboolean
is_table_line (const Line *line)
{
  g_autofree char *text = row_text (line);

  return !line->code && text[0] == '|';
}

static void
read_table (Reader *self,
            GArray *lines,
            Table  *table)
{
  g_autofree char *header_text = row_text (&g_array_index (lines, Line, table->first));
  g_autoptr(GPtrArray) header = lectern_markdown_split_cells (header_text);

  read_columns (self, header);

  for (guint i = table->first + 2; i <= table->last; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *text = row_text (line);
      g_autoptr(GPtrArray) cells = lectern_markdown_split_cells (text);
      Row row = { line->number, NULL, "", NULL, NULL, NULL };

      for (guint c = 0; c < cells->len && c < self->columns->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);

          switch (g_array_index (self->columns, Column, c))
            {
            case COLUMN_TIME: row.time = cell; break;
            case COLUMN_TOPIC: row.topic = cell; break;
            case COLUMN_SPEAKER: row.speaker = cell; break;
            case COLUMN_LINKS: row.links = cell; break;
            case COLUMN_ABSTRACT: row.abstract = cell; break;
            case COLUMN_OTHER:
            default:
              break;
            }
        }
      if (cells->len > self->columns->len)
        note (self, line->number, _("the row has %u cells and the table %u columns; the cells "
                                    "beyond were left out."), cells->len, self->columns->len);

      read_row (self, &row);
    }
}

/* Is it a schedule: does a row's first cell hold a time? */
static gboolean
is_schedule (GArray *lines,
             Table  *table)
{
  for (guint i = table->first + 2; i <= table->last; i++)
    {
      g_autofree char *text = row_text (&g_array_index (lines, Line, i));
      g_autoptr(GPtrArray) cells = lectern_markdown_split_cells (text);
      int start, end, meridiem;

      if (cells->len > 0 && _lectern_schedule_parse_time_cell (g_ptr_array_index (cells, 0), &start, &end, &meridiem))
        return TRUE;
    }
  return FALSE;
}

/* The date a table's own heading gives ("### Day 1: Friday, December
 * 15"), looking back to the previous table or the section's heading.
 */
static char *
date_before (Reader *self,
             GArray *lines,
             guint   first,
             guint   stop)
{
  for (guint i = first; i-- > stop;)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *text = lectern_markdown_to_text (line->text);
      gboolean heading = line->text[0] == '#';
      char *date = NULL;

      if (heading || lectern_markdown_is_wrapped (line->text, "**"))
        date = lectern_schedule_parse_date (text, self->year);
      if (date != NULL)
        return date;
      if (g_str_has_prefix (line->text, "## "))
        break;   /* the section's own heading */
    }

  return NULL;
}

static void
split_lines (const char *page,
             gsize       length,
             GArray     *lines)
{
  const char *p = page;
  const char *end = page + length;
  gboolean comment = FALSE, code = FALSE;
  guint number = 0;

  /* the front matter is not the page */
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = (nl != NULL ? nl : end) - p;
      Line line = { g_strndup (p, len), ++number, FALSE, FALSE };
      const char *open, *close;

      if (len > 0 && line.text[len - 1] == '\r')
        line.text[len - 1] = '\0';

      if (g_str_has_prefix (line.text, "```") || g_str_has_prefix (line.text, "~~~"))
        code = !code;

      open = strstr (line.text, "<!--");
      close = strstr (line.text, "-->");
      line.comment = comment || open != NULL;
      line.code = code;
      if (open != NULL && (close == NULL || close < open))
        comment = TRUE;
      if (close != NULL && (open == NULL || close > open))
        comment = FALSE;

      g_strstrip (line.text);
      g_array_append_val (lines, line);
      p = nl != NULL ? nl + 1 : end;
    }
}

/**
 * lectern_schedule_read:
 * @page: the home page (Markdown, UTF-8)
 * @path: the page's path in the site, for the notes
 * @year: the workshop's year, for dates that do not give one (or 0)
 *
 * Returns: (transfer full): the schedule; without a schedule table, one
 *   without days. %NULL only when the page is not UTF-8.
 */
LecternReadSchedule *
lectern_schedule_read (const char  *page,
                       gsize        length,
                       const char  *path,
                       int          year,
                       GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GArray) tables = g_array_new (FALSE, TRUE, sizeof (Table));
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  const char *bad = NULL;
  gboolean any_live = FALSE;
  guint stop = 0;
  Reader self = { 0, };

  g_array_set_clear_func (lines, line_clear);

  if (!g_utf8_validate (page, length, &bad))
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                   _("%s is not UTF-8 text (at byte %zu). Nothing was imported."),
                   path, (gsize) (bad - page));
      return NULL;
    }

  split_lines (page, length, lines);

  /* a schedule has no cell of this size: refused, not read */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (strlen (line->text) > MAX_CELL_LENGTH && line->text[0] == '|')
        {
          g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE,
                       _("%s, line %u: a table row of %zu bytes, longer than any schedule’s (%u KiB "
                         "at most). Nothing was imported."),
                       path, line->number, strlen (line->text), MAX_CELL_LENGTH / 1024);
          return NULL;
        }
    }

  /* the tables: a header row, a separator row, the rows */
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *next_text = NULL;
      g_autoptr(GPtrArray) next_cells = NULL;
      Table table = { i, i + 1, line->comment };

      if (!is_table_line (line) || !is_table_line (&g_array_index (lines, Line, i + 1)))
        continue;
      next_text = row_text (&g_array_index (lines, Line, i + 1));
      next_cells = lectern_markdown_split_cells (next_text);
      if (!lectern_markdown_is_separator (next_cells))
        continue;

      while (table.last + 1 < lines->len && is_table_line (&g_array_index (lines, Line, table.last + 1)))
        table.last++;
      table.comment = table.comment && g_array_index (lines, Line, table.last).comment;

      if (is_schedule (lines, &table))
        {
          g_array_append_val (tables, table);
          any_live = any_live || !table.comment;
        }
      i = table.last;
    }

  self.path = path;
  self.year = year;
  self.session = -1;
  self.columns = columns;
  self.out = g_new0 (LecternReadSchedule, 1);
  self.out->days = g_ptr_array_new_with_free_func (_lectern_schedule_read_day_free);
  self.out->notes = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < tables->len; t++)
    {
      Table *table = &g_array_index (tables, Table, t);
      guint number = g_array_index (lines, Line, table->first).number;
      g_autofree char *date = NULL;

      if (table->comment && any_live)
        {
          note (&self, number, _("a schedule table inside an HTML comment (a draft) was left out; "
                                 "the page’s other table was read."));
          continue;
        }
      if (table->comment)
        {
          self.out->draft = TRUE;
          note (&self, number, _("the schedule was read from a table inside an HTML comment "
                                 "(a draft the site does not show)."));
        }

      if (self.out->first_line == 0)
        self.out->first_line = number;
      self.out->last_line = g_array_index (lines, Line, table->last).number;

      /* a day per table when the heading above it gives a date; a table
       * without one continues the day (a morning and an afternoon) */
      date = date_before (&self, lines, table->first, stop);
      if (self.day == NULL || date != NULL)
        start_day (&self, date, number);
      else
        {
          /* a continuation: close what the table above left open */
          flush_heading (&self);
          close_session (&self);
        }

      read_table (&self, lines, table);
      stop = table->last + 1;
    }

  finish_day (&self);

  /* days a bold date row opened but nothing filled */
  for (guint d = self.out->days->len; d-- > 0;)
    if (((LecternReadDay *) g_ptr_array_index (self.out->days, d))->slots->len == 0)
      g_ptr_array_remove_index (self.out->days, d);

  return self.out;
}
