/* lectern-schedule-cells.c: what a schedule table's cells say, for the
 * schedule reader (lectern-schedule-reader.c)
 *
 * The words that name a slot's kind ("Coffee break", "Poster
 * Session") and a talk's label ("Oral:", "Invited Talk"); times
 * ("8:55am", "noon", "10:30 - 11:00") and dates ("Saturday, July 29");
 * people ("Name <br> *(Affiliation)*", "A (X), B (Y) and C"); a talk's
 * title, links and sponsor. Each reads one cell or part of one, with no
 * state of the table: the reader decides what the rows mean.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-schedule-reader-private.h"
#include "lectern-site-markdown.h"
#include "lectern-slot.h"

/* ------------------------------------------------------------------ */
/* Freeing                                                             */

static void
read_person_free (gpointer data)
{
  LecternReadPerson *person = data;

  g_free (person->name);
  g_free (person->affiliation);
  g_free (person);
}

static void
read_link_free (gpointer data)
{
  LecternLink *link = data;

  g_free (link->kind);
  g_free (link->url);
  g_free (link);
}

void
_lectern_schedule_read_slot_free (gpointer data)
{
  LecternReadSlot *slot = data;

  g_free (slot->emoji);
  g_free (slot->title);
  g_free (slot->abstract);
  g_free (slot->note);
  g_free (slot->note_link_text);
  g_free (slot->note_url);
  g_free (slot->sponsor);
  g_ptr_array_unref (slot->people);
  g_ptr_array_unref (slot->links);
  g_free (slot);
}

void
_lectern_schedule_read_session_free (gpointer data)
{
  LecternReadSession *session = data;

  g_free (session->title);
  g_free (session->emoji);
  g_free (session);
}

void
_lectern_schedule_read_day_free (gpointer data)
{
  LecternReadDay *day = data;

  g_free (day->date);
  g_ptr_array_unref (day->sessions);
  g_ptr_array_unref (day->slots);
  g_free (day);
}

void
lectern_read_schedule_free (LecternReadSchedule *schedule)
{
  if (schedule == NULL)
    return;

  g_ptr_array_unref (schedule->days);
  g_ptr_array_unref (schedule->notes);
  g_free (schedule);
}

guint
lectern_read_schedule_count_slots (LecternReadSchedule *schedule)
{
  guint n = 0;

  for (guint i = 0; i < schedule->days->len; i++)
    n += ((LecternReadDay *) g_ptr_array_index (schedule->days, i))->slots->len;

  return n;
}

LecternReadSlot *
_lectern_schedule_read_slot_new (guint line)
{
  LecternReadSlot *slot = g_new0 (LecternReadSlot, 1);

  slot->line = line;
  slot->start = -1;
  slot->duration = -1;
  slot->session = -1;
  slot->people = g_ptr_array_new_with_free_func (read_person_free);
  slot->links = g_ptr_array_new_with_free_func (read_link_free);
  return slot;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* A word, and the kind of slot it names */
typedef struct
{
  const char      *word;
  LecternSlotKind  kind;
} KindWord;

/* The kind a title's words name: "Coffee break", "Lunch", "Poster
 * Session", "Panel: …", "Best Paper Awards", "Happy hour", "Opening
 * remarks", "Keynote"; anything else is a talk.
 */
LecternSlotKind
_lectern_schedule_kind_from_words (const char *title,
                                   gboolean   *known)
{
  static const KindWord stems[] = {
    { "lunch", LECTERN_SLOT_LUNCH },
    { "coffee", LECTERN_SLOT_BREAK },
    { "break", LECTERN_SLOT_BREAK },
    { "award", LECTERN_SLOT_AWARDS },
    { "poster", LECTERN_SLOT_POSTER },
    { "panel", LECTERN_SLOT_PANEL },
    { "happy", LECTERN_SLOT_SOCIAL },
    { "reception", LECTERN_SLOT_SOCIAL },
    { "social", LECTERN_SLOT_SOCIAL },
    { "dinner", LECTERN_SLOT_SOCIAL },
    { "party", LECTERN_SLOT_SOCIAL },
    { "remarks", LECTERN_SLOT_REMARKS },
    { "opening", LECTERN_SLOT_REMARKS },
    { "closing", LECTERN_SLOT_REMARKS },
    { "welcome", LECTERN_SLOT_REMARKS },
    { "keynote", LECTERN_SLOT_KEYNOTE },
    { "oral", LECTERN_SLOT_ORAL },
    { "contributed", LECTERN_SLOT_CONTRIBUTED },
    { "spotlight", LECTERN_SLOT_CONTRIBUTED },
  };
  g_autofree char *lower = g_utf8_strdown (title, -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^a-z]+", lower, 0, 0);

  for (guint s = 0; s < G_N_ELEMENTS (stems); s++)
    for (guint w = 0; words[w] != NULL; w++)
      {
        gsize n = strlen (stems[s].word);

        /* the word or its plural: "awards", "breaks", but not "breakthrough" */
        if (strncmp (words[w], stems[s].word, n) == 0 &&
            (words[w][n] == '\0' || (words[w][n] == 's' && words[w][n + 1] == '\0')))
          {
            if (known != NULL)
              *known = TRUE;
            return stems[s].kind;
          }
      }

  if (known != NULL)
    *known = FALSE;
  return LECTERN_SLOT_TALK;
}

/* "Talk", "Invited Talk", "Oral", "Keynote", "Contributed Talk", … : a
 * word that says what a talk is, before its title or alone in a cell.
 */
gboolean
_lectern_schedule_label_kind (const char      *label,
                              LecternSlotKind *kind)
{
  static const KindWord labels[] = {
    { "talk", LECTERN_SLOT_TALK },
    { "invited talk", LECTERN_SLOT_TALK },
    { "invited", LECTERN_SLOT_TALK },
    { "keynote", LECTERN_SLOT_KEYNOTE },
    { "keynote talk", LECTERN_SLOT_KEYNOTE },
    { "oral", LECTERN_SLOT_ORAL },
    { "oral presentation", LECTERN_SLOT_ORAL },
    { "contributed talk", LECTERN_SLOT_CONTRIBUTED },
    { "contributed", LECTERN_SLOT_CONTRIBUTED },
    { "spotlight", LECTERN_SLOT_CONTRIBUTED },
    { "spotlight talk", LECTERN_SLOT_CONTRIBUTED },
  };
  g_autofree char *lower = g_utf8_strdown (label, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (lower, labels[i].word) == 0)
      {
        *kind = labels[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* "[slides](…)" or "[[slides]](…)": a link to a talk's material */
static const char *
link_kind (const char *text)
{
  static const struct { const char *word; const char *kind; } words[] = {
    { "slides", "slides" }, { "paper", "paper" }, { "pdf", "paper" }, { "arxiv", "paper" },
    { "openreview", "paper" }, { "video", "video" }, { "recording", "video" },
    { "code", "code" }, { "poster", "poster" },
  };
  g_autofree char *plain = lectern_markdown_to_text (text);
  g_autofree char *word = g_utf8_strdown (plain, -1);

  g_strstrip (g_strdelimit (word, "[]()", ' '));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (word, words[i].word) == 0)
      return words[i].kind;

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Times and dates                                                     */

/* "8:55am", "9 am", "12:10 p.m.", "noon", "14:30", "8.30": minutes, and
 * whether it said am or pm. Returns the length read, 0 if none.
 */
static gsize
parse_clock (const char *text,
             int        *minutes,
             int        *meridiem)   /* 0: none, 1: am, 2: pm */
{
  const char *p = text;
  int h = 0, m = 0;
  int digits = 0;

  *meridiem = 0;
  while (*p == ' ')
    p++;

  if (g_ascii_strncasecmp (p, "noon", 4) == 0)
    {
      *minutes = 12 * 60;
      *meridiem = 2;
      return p + 4 - text;
    }
  if (g_ascii_strncasecmp (p, "midnight", 8) == 0)
    {
      *minutes = 0;
      *meridiem = 1;
      return p + 8 - text;
    }

  while (g_ascii_isdigit (*p) && digits < 2)
    h = h * 10 + (*p++ - '0'), digits++;
  if (digits == 0 || g_ascii_isdigit (*p))
    return 0;

  if ((*p == ':' || *p == '.' || *p == 'h') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
    {
      m = (p[1] - '0') * 10 + (p[2] - '0');
      p += 3;
    }
  else if (*p == 'h' && !g_ascii_isalpha (p[1]))
    p++;

  {
    const char *q = p;

    while (*q == ' ')
      q++;
    if ((q[0] == 'a' || q[0] == 'A' || q[0] == 'p' || q[0] == 'P') &&
        (q[1] == 'm' || q[1] == 'M' || (q[1] == '.' && (q[2] == 'm' || q[2] == 'M'))))
      {
        *meridiem = (q[0] == 'a' || q[0] == 'A') ? 1 : 2;
        q += q[1] == '.' ? 3 : 2;
        if (*q == '.')
          q++;
        p = q;
      }
  }

  if (m > 59 || h > 24 || (*meridiem != 0 && (h == 0 || h > 12)))
    return 0;

  if (*meridiem == 1 && h == 12)
    h = 0;
  else if (*meridiem == 2 && h != 12)
    h += 12;

  *minutes = h * 60 + m;
  return p - text;
}

/* "9:00am", "10:30 - 11:00", "9:00–9:30am", "14:00 to 14:45" */
gboolean
_lectern_schedule_parse_time_cell (const char *cell,
                                   int        *start,
                                   int        *end,
                                   int        *meridiem)
{
  g_autofree char *text = lectern_markdown_to_text (cell);
  const char *p = text;
  int end_meridiem = 0;
  gsize n;

  *end = -1;
  n = parse_clock (p, start, meridiem);
  if (n == 0)
    return FALSE;
  p += n;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return TRUE;

  if (*p == '-')
    p++;
  else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    p += strlen ("–");
  else if (g_ascii_strncasecmp (p, "to ", 3) == 0)
    p += 3;
  else
    return FALSE;

  n = parse_clock (p, end, &end_meridiem);
  if (n == 0)
    return FALSE;
  p += n;
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  /* "9:00-9:30am": the start takes the end's half of the day */
  if (*meridiem == 0 && end_meridiem == 2 && *start < 12 * 60 && *start + 12 * 60 <= *end)
    *start += 12 * 60;
  if (*meridiem == 0)
    *meridiem = end_meridiem;

  return TRUE;
}

static const char *month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/**
 * lectern_schedule_parse_date:
 *
 * "Saturday, July 29", "29 July 2023", "Dec 15", "2023-07-29" ->
 * "YYYY-MM-DD"; the year is @year unless the text gives one.
 *
 * Returns: (nullable): the date, or %NULL when the text gives none
 */
char *
lectern_schedule_parse_date (const char *text,
                             int         year)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  int month = 0, day = 0, year_found = 0;
  GMatchInfo *match = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", 0, 0, NULL);

  if (g_regex_match (iso, lower, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);

      year_found = atoi (y), month = atoi (m), day = atoi (d);
    }
  g_match_info_free (match);

  if (month == 0)
    {
      words = g_regex_split_simple ("[^a-z0-9]+", lower, 0, 0);
      for (guint i = 0; words[i] != NULL; i++)
        {
          gsize len = strlen (words[i]);

          if (month == 0 && len >= 3)
            for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
              if (strncmp (month_names[m], words[i], len) == 0)
                {
                  month = m + 1;
                  /* the day is the number beside the month */
                  if (words[i + 1] != NULL && g_ascii_isdigit (words[i + 1][0]) && strlen (words[i + 1]) <= 2)
                    day = atoi (words[i + 1]);
                  else if (i > 0 && g_ascii_isdigit (words[i - 1][0]) && strlen (words[i - 1]) <= 2)
                    day = atoi (words[i - 1]);
                  break;
                }
          if (len == 4 && g_ascii_isdigit (words[i][0]) && atoi (words[i]) > 1990 && atoi (words[i]) < 2200)
            year_found = atoi (words[i]);
        }
    }

  if (year_found != 0)
    year = year_found;
  if (month == 0 || day == 0 || year <= 0 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* ------------------------------------------------------------------ */
/* People                                                              */

/* "(Microsoft Research)" or "*(ETH, Together)*" or "**(Google)**" */
char *
_lectern_schedule_parse_affiliation (const char *part)
{
  g_autofree char *text = lectern_markdown_to_text (part);
  gsize len = strlen (text);

  if (len < 2 || text[0] != '(' || text[len - 1] != ')')
    return NULL;

  return g_strstrip (g_strndup (text + 1, len - 2));
}

/* "Anna Goldie *(Anthropic)*" -> "Anna Goldie", "Anthropic" */
LecternReadPerson *
_lectern_schedule_parse_person (const char            *markdown,
                                LecternAppearanceRole  role,
                                guint                  line)
{
  g_autofree char *text = lectern_markdown_to_text (markdown);
  LecternReadPerson *person;
  char *open = strchr (text, '(');

  if (*text == '\0')
    return NULL;

  person = g_new0 (LecternReadPerson, 1);
  person->role = role;
  person->line = line;

  if (open != NULL && text[strlen (text) - 1] == ')')
    {
      person->name = g_strstrip (g_strndup (text, open - text));
      person->affiliation = g_strstrip (g_strndup (open + 1, strlen (open + 1) - 1));
    }
  else
    person->name = g_strdup (text);

  if (*person->name == '\0')
    {
      read_person_free (person);
      return NULL;
    }

  return person;
}

/* "A *(X)*, B (Y, Z), C and D": split at commas and "and" outside parentheses */
GPtrArray *
_lectern_schedule_split_people (const char *markdown)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = markdown;
  int depth = 0;

  for (const char *p = markdown; ; p++)
    {
      gsize sep = 0;

      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0 && *p == ',')
        sep = 1;
      else if (depth == 0 && (g_str_has_prefix (p, " and ") || g_str_has_prefix (p, " & ")))
        sep = p[1] == '&' ? 3 : 5;

      if (sep > 0 || *p == '\0')
        {
          g_autofree char *item = g_strstrip (g_strndup (start, p - start));

          if (*item != '\0')
            g_ptr_array_add (items, g_steal_pointer (&item));
          if (*p == '\0')
            break;
          start = p + sep;
          p += sep - 1;
        }
    }

  return items;
}

/* Does the text read as names ("Anna Goldie *(Anthropic)*, Susan Zhang")
 * rather than a title? Each item: one to five words, capitalised, no
 * digits, no colon, before any parenthesis.
 */
gboolean
_lectern_schedule_looks_like_people (const char *markdown)
{
  g_autoptr(GPtrArray) items = _lectern_schedule_split_people (markdown);

  if (items->len == 0)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = lectern_markdown_to_text (g_ptr_array_index (items, i));
      char *open = strchr (text, '(');
      g_auto(GStrv) words = NULL;
      guint n = 0;

      if (open != NULL)
        *open = '\0';
      g_strstrip (text);
      if (strpbrk (text, "0123456789:?!") != NULL || *text == '\0')
        return FALSE;

      words = g_strsplit (text, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          gunichar c = g_utf8_get_char (words[w]);

          if (*words[w] == '\0')
            continue;
          n++;
          /* "van", "de", "da", "von", "di" may be lower case */
          if (!g_unichar_isupper (c) && strlen (words[w]) > 3)
            return FALSE;
        }
      if (n == 0 || n > 5)
        return FALSE;
    }

  return TRUE;
}
/* Links to slides, papers and videos in the text: taken out of it, kept
 * on the slot. A link around a title stays (the caller takes it).
 */
char *
_lectern_schedule_take_material_links (const char      *markdown,
                                       LecternReadSlot *slot)
{
  GString *rest = g_string_new (NULL);
  gsize from = 0;
  LecternMarkdownLink link;

  while (lectern_markdown_find_link (markdown, from, &link))
    {
      const char *kind = link_kind (link.text);

      g_string_append_len (rest, markdown + from, link.start - from);
      if (kind != NULL)
        {
          LecternLink *l = g_new0 (LecternLink, 1);

          l->kind = g_strdup (kind);
          l->url = g_strdup (link.url);
          g_ptr_array_add (slot->links, l);
        }
      else
        g_string_append_len (rest, markdown + link.start, link.end - link.start);
      from = link.end;
      lectern_markdown_link_clear (&link);
    }
  g_string_append (rest, markdown + from);

  return g_strstrip (g_string_free (rest, FALSE));
}
gboolean
_lectern_schedule_has_affiliation_part (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *aff = _lectern_schedule_parse_affiliation (g_ptr_array_index (parts, i));

      if (aff != NULL)
        return TRUE;
    }
  return FALSE;
}
/* "*sponsored by Together*" */
char *
_lectern_schedule_sponsor_of (const char *cell)
{
  g_autofree char *text = lectern_markdown_to_text (cell);

  if (g_ascii_strncasecmp (text, "sponsored by ", 13) != 0)
    return NULL;

  return g_strstrip (g_strdup (text + 13));
}
/* The cell's title part: "Talk: **Title**", "Oral: [Title](paper)",
 * "**Keynote: Title**", "🎤 Title". Sets the slot's title, kind, emoji
 * and paper link.
 */
void
_lectern_schedule_read_title (LecternReadSlot *slot,
                              const char      *markdown,
                              gboolean        *labelled)
{
  g_autofree char *emoji = NULL;
  g_autofree char *body = lectern_markdown_strip_emoji (markdown, &emoji);
  g_autofree char *text = lectern_markdown_to_text (body);
  const char *colon = strchr (text, ':');
  LecternMarkdownLink link;
  LecternSlotKind kind;

  *labelled = FALSE;
  slot->emoji = g_steal_pointer (&emoji);

  if (colon != NULL)
    {
      g_autofree char *label = g_strndup (text, colon - text);

      if (_lectern_schedule_label_kind (label, &kind))
        {
          slot->kind = kind;
          *labelled = TRUE;
          g_free (slot->title);
          slot->title = g_strstrip (g_strdup (colon + 1));
        }
    }

  if (!*labelled)
    {
      g_free (slot->title);
      slot->title = g_steal_pointer (&text);
    }

  /* a title that is a link: the link is the paper */
  if (lectern_markdown_find_link (body, 0, &link))
    {
      g_autofree char *link_text = lectern_markdown_to_text (link.text);

      if (g_str_has_suffix (slot->title, link_text) && *link_text != '\0')
        {
          LecternLink *l = g_new0 (LecternLink, 1);

          l->kind = g_strdup ("paper");
          l->url = g_strdup (link.url);
          g_ptr_array_add (slot->links, l);
        }
      lectern_markdown_link_clear (&link);
    }
}
gboolean
_lectern_schedule_is_panel (LecternReadSlot *slot)
{
  return slot != NULL && slot->kind == LECTERN_SLOT_PANEL;
}
gboolean
_lectern_schedule_has_role (LecternReadSlot       *slot,
                            LecternAppearanceRole  role)
{
  for (guint i = 0; i < slot->people->len; i++)
    if (((LecternReadPerson *) g_ptr_array_index (slot->people, i))->role == role)
      return TRUE;
  return FALSE;
}
