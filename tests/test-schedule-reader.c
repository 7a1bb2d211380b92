/* test-schedule-reader.c: schedule tables of real workshop pages, read
 *
 * The ES-FoMo 2023, 2024 and 2025 home pages (real, byte for byte), a
 * draft table inside an HTML comment (real), and a two-day program in
 * two tables a day with ranges, <br> cells, authors, links and
 * abstracts (ours, in the style NeurIPS workshop sites use). Each is
 * read into days, sessions and slots and checked against what the page
 * says; what cannot be read is reported with its line.
 *
 * LECTERN_DUMP_SCHEDULE=1 prints what was read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-schedule-reader.h"
#include "lectern-site-encoding.h"
#include "lectern-site-markdown.h"
#include "lectern-test-util.h"

static LecternReadSchedule *
read_page (const char *fixture,
           int         year)
{
  g_autofree char *dir = lectern_test_fixture_path (".");
  g_autofree char *path = g_build_filename (dir, fixture, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  LecternReadSchedule *schedule;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  schedule = lectern_schedule_read (text, length, "_pages/about.md", year, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  if (g_getenv ("LECTERN_DUMP_SCHEDULE") != NULL)
    {
      for (guint d = 0; d < schedule->days->len; d++)
        {
          LecternReadDay *day = g_ptr_array_index (schedule->days, d);

          g_printerr ("day %s (line %u)\n", day->date ? day->date : "?", day->line);
          for (guint i = 0; i < day->slots->len; i++)
            {
              LecternReadSlot *slot = g_ptr_array_index (day->slots, i);
              LecternReadSession *session = slot->session >= 0
                ? g_ptr_array_index (day->sessions, slot->session) : NULL;

              g_printerr ("  %02d:%02d +%d %s [%s] %s%s%s", slot->start / 60, slot->start % 60,
                          slot->duration, lectern_slot_kind_to_string (slot->kind),
                          slot->emoji ? slot->emoji : "", slot->title,
                          session ? " / session: " : "", session ? session->title : "");
              if (slot->sponsor)
                g_printerr (" / sponsor: %s", slot->sponsor);
              if (slot->note)
                g_printerr (" / note: %s (%s → %s)", slot->note, slot->note_link_text, slot->note_url);
              if (slot->abstract)
                g_printerr (" / abstract: %s", slot->abstract);
              g_printerr ("\n");
              for (guint p = 0; p < slot->people->len; p++)
                {
                  LecternReadPerson *person = g_ptr_array_index (slot->people, p);

                  g_printerr ("      %s: %s (%s)\n", lectern_appearance_role_to_string (person->role),
                              person->name, person->affiliation ? person->affiliation : "-");
                }
              for (guint l = 0; l < slot->links->len; l++)
                {
                  LecternLink *link = g_ptr_array_index (slot->links, l);

                  g_printerr ("      link %s: %s\n", link->kind, link->url);
                }
            }
        }
      for (guint i = 0; i < schedule->notes->len; i++)
        g_printerr ("note: %s\n", (char *) g_ptr_array_index (schedule->notes, i));
    }

  return schedule;
}

static LecternReadSlot *
slot_at (LecternReadSchedule *schedule,
         guint                day,
         guint                index)
{
  LecternReadDay *d;

  g_assert_cmpuint (day, <, schedule->days->len);
  d = g_ptr_array_index (schedule->days, day);
  g_assert_cmpuint (index, <, d->slots->len);
  return g_ptr_array_index (d->slots, index);
}

static LecternReadPerson *
person_at (LecternReadSlot *slot,
           guint            index)
{
  g_assert_cmpuint (index, <, slot->people->len);
  return g_ptr_array_index (slot->people, index);
}

static const char *
session_of (LecternReadSchedule *schedule,
            guint                day,
            LecternReadSlot     *slot)
{
  LecternReadDay *d = g_ptr_array_index (schedule->days, day);

  if (slot->session < 0)
    return NULL;
  return ((LecternReadSession *) g_ptr_array_index (d->sessions, slot->session))->title;
}

static void
assert_slot (LecternReadSlot *slot,
             const char      *time,
             int              duration,
             LecternSlotKind  kind,
             const char      *title)
{
  int h, m;

  g_assert_cmpint (sscanf (time, "%d:%d", &h, &m), ==, 2);
  g_assert_cmpstr (slot->title, ==, title);
  g_assert_cmpint (slot->start, ==, h * 60 + m);
  if (duration > 0)
    g_assert_cmpint (slot->duration, ==, duration);
  g_assert_cmpstr (lectern_slot_kind_to_string (slot->kind), ==, lectern_slot_kind_to_string (kind));
}

static void
assert_person (LecternReadSlot       *slot,
               guint                  index,
               LecternAppearanceRole  role,
               const char            *name,
               const char            *affiliation)
{
  LecternReadPerson *person = person_at (slot, index);

  g_assert_cmpstr (person->name, ==, name);
  g_assert_cmpstr (person->affiliation, ==, affiliation);
  g_assert_cmpstr (lectern_appearance_role_to_string (person->role), ==,
                   lectern_appearance_role_to_string (role));
}

static gboolean
has_note (LecternReadSchedule *schedule,
          const char          *part)
{
  for (guint i = 0; i < schedule->notes->len; i++)
    if (strstr (g_ptr_array_index (schedule->notes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* ES-FoMo 2023: timed session headings over untimed talks, a panel with
 * its panelists and moderators, a sponsored happy hour with a note */
static void
test_2023 (void)
{
  g_autoptr(LecternReadSchedule) s = read_page ("es-fomo-2023/_pages/about.md", 2023);
  LecternReadSlot *slot;

  g_assert_cmpuint (s->days->len, ==, 1);
  g_assert_null (((LecternReadDay *) g_ptr_array_index (s->days, 0))->date);
  g_assert_false (s->draft);
  g_assert_cmpuint (lectern_read_schedule_count_slots (s), ==, 19);

  assert_slot (slot_at (s, 0, 0), "8:55", 5, LECTERN_SLOT_REMARKS, "Opening remarks");

  /* Session I, 9:00 to the coffee at 10:10, shared out in fives */
  slot = slot_at (s, 0, 1);
  assert_slot (slot, "9:00", 25, LECTERN_SLOT_TALK, "Using Megatron to Train Large Language Models");
  g_assert_cmpstr (session_of (s, 0, slot), ==, "Session I: Large-Scale Distributed Pretraining");
  g_assert_cmpstr (((LecternReadSession *) g_ptr_array_index (((LecternReadDay *) g_ptr_array_index (s->days, 0))->sessions, 0))->emoji, ==, "🔥");
  assert_person (slot, 0, LECTERN_APPEARANCE_SPEAKER, "Deepak Narayanan", "Microsoft Research");
  assert_slot (slot_at (s, 0, 2), "9:25", 20, LECTERN_SLOT_TALK, "Distributed Systems for Decentralized AI");
  assert_person (slot_at (s, 0, 2), 0, LECTERN_APPEARANCE_SPEAKER, "Ce Zhang", "ETH, Together");
  assert_slot (slot_at (s, 0, 3), "9:45", 25, LECTERN_SLOT_TALK,
               "Training Large Language Models on Cerebras Wafer-Scale Clusters AI");
  assert_slot (slot_at (s, 0, 4), "10:10", 15, LECTERN_SLOT_BREAK, "Coffee break");

  /* a contributed talk: a session of one, its speaker an author */
  slot = slot_at (s, 0, 5);
  assert_slot (slot, "10:25", 15, LECTERN_SLOT_CONTRIBUTED,
               "SRL: Scaling Distributed Reinforcement Learning to Over Ten Thousand Cores");
  g_assert_cmpstr (session_of (s, 0, slot), ==, "Contributed Talk 1");
  assert_person (slot, 0, LECTERN_APPEARANCE_AUTHOR, "Yi Wu", "Tsinghua University, Shanghai Qi Zhi Institute");

  assert_slot (slot_at (s, 0, 10), "12:10", 50, LECTERN_SLOT_LUNCH, "Lunch break");
  slot = slot_at (s, 0, 11);
  assert_slot (slot, "13:00", 75, LECTERN_SLOT_POSTER, "Poster Session");
  g_assert_cmpstr (slot->emoji, ==, "🧑‍🎓");

  /* the panel: five panelists, two moderators */
  slot = slot_at (s, 0, 12);
  assert_slot (slot, "14:15", 60, LECTERN_SLOT_PANEL,
               "Panel: Large Language Models Tooling Across Industry and Academia");
  g_assert_cmpuint (slot->people->len, ==, 7);
  assert_person (slot, 0, LECTERN_APPEARANCE_PANELIST, "Anna Goldie", "Anthropic");
  assert_person (slot, 2, LECTERN_APPEARANCE_PANELIST, "Susan Zhang", NULL);
  assert_person (slot, 4, LECTERN_APPEARANCE_PANELIST, "James Bradbury", "Google DeepMind");
  assert_person (slot, 5, LECTERN_APPEARANCE_MODERATOR, "Abhi Venigalla", "Mosaic.ML");
  assert_person (slot, 6, LECTERN_APPEARANCE_MODERATOR, "Dylan Patel", "SemiAnalysis");

  assert_slot (slot_at (s, 0, 17), "16:45", 75, LECTERN_SLOT_AWARDS, "Awards");

  /* the happy hour: its sponsor, and its note with the link */
  slot = slot_at (s, 0, 18);
  assert_slot (slot, "18:00", 30, LECTERN_SLOT_SOCIAL, "Post-workshop happy hour");
  g_assert_cmpstr (slot->sponsor, ==, "Together");
  g_assert_cmpstr (slot->note, ==, "RSVP on Partiful to get a ticket!");
  g_assert_cmpstr (slot->note_link_text, ==, "Partiful");
  g_assert_cmpstr (slot->note_url, ==, "https://partiful.com/e/h4AW66So2V7DOysQxNkX");

  /* the one thing the table cannot say: when the last slot ends */
  g_assert_true (has_note (s, "_pages/about.md, line 61: "));
  g_assert_cmpuint (s->notes->len, ==, 1);
}

/* ES-FoMo 2024: headings without a time over timed talks ("Talk:",
 * "Oral: [Title](paper)"), noon, a label the reader does not know
 * ("Off-the-record:"), a panel with plain affiliations */
static void
test_2024 (void)
{
  g_autoptr(LecternReadSchedule) s = read_page ("schedules/es-fomo-2024-about.md", 2024);
  LecternReadSlot *slot;

  g_assert_cmpuint (s->days->len, ==, 1);
  g_assert_cmpuint (lectern_read_schedule_count_slots (s), ==, 18);
  g_assert_cmpuint (((LecternReadDay *) g_ptr_array_index (s->days, 0))->sessions->len, ==, 4);

  slot = slot_at (s, 0, 0);
  assert_slot (slot, "9:00", 30, LECTERN_SLOT_TALK,
               "Efficient Quantization Methods and Marlin, a Fast 4-Bit Inference Kernel");
  g_assert_cmpstr (session_of (s, 0, slot), ==, "Session I: Quantization, Pruning, and Sparsity");
  g_assert_cmpstr (((LecternReadSession *) g_ptr_array_index (((LecternReadDay *) g_ptr_array_index (s->days, 0))->sessions, 0))->emoji, ==, "🎛️");
  assert_person (slot, 0, LECTERN_APPEARANCE_SPEAKER, "Elias Frantar", "IST Austria");

  slot = slot_at (s, 0, 1);
  assert_slot (slot, "9:30", 15, LECTERN_SLOT_ORAL,
               "Prompt-prompted Adaptive Structured Pruning for Efficient LLM Generation");
  assert_person (slot, 0, LECTERN_APPEARANCE_AUTHOR, "Harry Dong", "CMU");
  g_assert_cmpuint (slot->links->len, ==, 1);
  g_assert_cmpstr (((LecternLink *) g_ptr_array_index (slot->links, 0))->kind, ==, "paper");
  g_assert_cmpstr (((LecternLink *) g_ptr_array_index (slot->links, 0))->url, ==,
                   "https://arxiv.org/html/2404.01365v1");

  assert_slot (slot_at (s, 0, 3), "10:00", 15, LECTERN_SLOT_BREAK, "Coffee break");
  g_assert_cmpint (slot_at (s, 0, 3)->session, ==, -1);
  assert_slot (slot_at (s, 0, 9), "12:00", 60, LECTERN_SLOT_LUNCH, "Lunch break");
  assert_slot (slot_at (s, 0, 11), "14:15", 15, LECTERN_SLOT_AWARDS, "Best Paper and Best Poster Awards");

  slot = slot_at (s, 0, 13);
  assert_slot (slot, "15:00", 30, LECTERN_SLOT_TALK,
               "Off-the-record: Frontier Clusters for Frontier Models: Scaling to 100,000 GPUs and Beyond");
  assert_person (slot, 0, LECTERN_APPEARANCE_SPEAKER, "Dylan Patel", "SemiAnalysis");

  slot = slot_at (s, 0, 15);
  assert_slot (slot, "15:45", 45, LECTERN_SLOT_PANEL,
               "Panel: Data and Architecture Trends Across Industry and Open Communities");
  g_assert_cmpuint (slot->people->len, ==, 4);
  assert_person (slot, 3, LECTERN_APPEARANCE_PANELIST, "Hailey Schoelkopf", "EleutherAI");

  /* a timed heading over an untimed talk */
  slot = slot_at (s, 0, 16);
  assert_slot (slot, "16:30", 90, LECTERN_SLOT_TALK, "Open Tooling for Large Data Pipelines");
  g_assert_cmpstr (session_of (s, 0, slot), ==, "Session IV: Data");
}

/* ES-FoMo 2025: the kind alone in the topic, "Name: Title <br>
 * **(Affiliation)**" in the speaker's cell, orals with a title and no
 * speaker, bold breaks */
static void
test_2025 (void)
{
  g_autoptr(LecternReadSchedule) s = read_page ("es-fomo-2025/_pages/about.md", 2025);
  LecternReadSlot *slot;

  g_assert_cmpuint (lectern_read_schedule_count_slots (s), ==, 18);
  assert_slot (slot_at (s, 0, 0), "8:30", 10, LECTERN_SLOT_REMARKS, "Opening Remarks");

  slot = slot_at (s, 0, 2);
  assert_slot (slot, "9:10", 30, LECTERN_SLOT_TALK,
               "TorchTitan: a PyTorch native platform for training foundation models");
  g_assert_cmpuint (slot->people->len, ==, 1);
  assert_person (slot, 0, LECTERN_APPEARANCE_SPEAKER, "Wanchao Liang", "Thinking Machines");

  assert_slot (slot_at (s, 0, 3), "9:40", 20, LECTERN_SLOT_BREAK, "Coffee break");

  /* an oral's title with a colon, and no speaker */
  slot = slot_at (s, 0, 5);
  assert_slot (slot, "10:30", 15, LECTERN_SLOT_ORAL, "FPTQuant: Function-Preserving Transforms for LLM Quantization");
  g_assert_cmpstr (session_of (s, 0, slot), ==, "Orals Session 1");
  g_assert_cmpuint (slot->people->len, ==, 0);

  /* an invited talk after the orals is not one of them */
  slot = slot_at (s, 0, 15);
  assert_slot (slot, "16:00", 30, LECTERN_SLOT_TALK,
               "Making Communication-Efficient Language Model Training Reliable and Scalable with DiLoCo");
  g_assert_null (session_of (s, 0, slot));
  assert_slot (slot_at (s, 0, 16), "16:30", 30, LECTERN_SLOT_TALK, "H-Nets");
  assert_person (slot_at (s, 0, 16), 0, LECTERN_APPEARANCE_SPEAKER, "Albert Gu", "CMU / Cartesia AI");
}

/* ES-FoMo 2025 in July: the only table is a draft in an HTML comment */
static void
test_draft (void)
{
  g_autoptr(LecternReadSchedule) s = read_page ("schedules/es-fomo-2025-draft-about.md", 2025);

  g_assert_true (s->draft);
  g_assert_cmpuint (lectern_read_schedule_count_slots (s), ==, 18);
  g_assert_true (has_note (s, "line 39: the schedule was read from a table inside an HTML comment"));
  /* the last row, with the comment's end on it, is read too */
  assert_slot (slot_at (s, 0, 17), "18:00", 30, LECTERN_SLOT_SOCIAL, "Post-workshop happy hour");
}

/* Two days, the first in two tables; ranges; <br> cells; authors;
 * links; abstracts */
static void
test_two_tables (void)
{
  g_autoptr(LecternReadSchedule) s = read_page ("schedules/two-tables-about.md", 2026);
  LecternReadSlot *slot;

  g_assert_cmpuint (s->days->len, ==, 2);
  g_assert_cmpstr (((LecternReadDay *) g_ptr_array_index (s->days, 0))->date, ==, "2026-12-11");
  g_assert_cmpstr (((LecternReadDay *) g_ptr_array_index (s->days, 1))->date, ==, "2026-12-12");
  g_assert_cmpuint (((LecternReadDay *) g_ptr_array_index (s->days, 0))->slots->len, ==, 10);
  g_assert_cmpuint (s->notes->len, ==, 0);

  slot = slot_at (s, 0, 1);
  assert_slot (slot, "9:00", 40, LECTERN_SLOT_KEYNOTE, "Training at the Edge of Memory");
  assert_person (slot, 0, LECTERN_APPEARANCE_SPEAKER, "Jane Roe", "University of Somewhere");
  g_assert_cmpstr (slot->abstract, ==, "We show how activation checkpointing and offloading trade "
                                       "memory for time, and when the trade pays.");
  g_assert_cmpstr (((LecternLink *) g_ptr_array_index (slot->links, 0))->kind, ==, "slides");

  slot = slot_at (s, 0, 3);
  assert_slot (slot, "9:55", 15, LECTERN_SLOT_ORAL, "Low-Rank Gradients, Full-Rank Models");
  g_assert_cmpuint (slot->people->len, ==, 2);
  assert_person (slot, 1, LECTERN_APPEARANCE_AUTHOR, "Eun-ji Park", NULL);
  g_assert_cmpuint (slot->links->len, ==, 2);
  g_assert_cmpstr (((LecternLink *) g_ptr_array_index (slot->links, 1))->kind, ==, "video");

  assert_slot (slot_at (s, 0, 4), "10:10", 20, LECTERN_SLOT_BREAK, "Coffee break");
  assert_person (slot_at (s, 0, 5), 0, LECTERN_APPEARANCE_SPEAKER, "Tomás Ferreira", "Example Labs");
  /* the afternoon's table continues the day */
  assert_slot (slot_at (s, 0, 7), "13:30", 40, LECTERN_SLOT_KEYNOTE, "Scaling Laws, Revisited");
  slot = slot_at (s, 0, 8);
  assert_slot (slot, "14:10", 50, LECTERN_SLOT_PANEL, "Panel: Who Pays for Training?");
  g_assert_cmpuint (slot->people->len, ==, 3);
  assert_person (slot, 2, LECTERN_APPEARANCE_PANELIST, "Priya Natarajan", "Institute of Examples");
  assert_slot (slot_at (s, 0, 9), "15:00", 15, LECTERN_SLOT_REMARKS, "Closing remarks");
  assert_slot (slot_at (s, 1, 1), "9:30", 60, LECTERN_SLOT_POSTER, "Poster session II");
}

static LecternReadSchedule *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  LecternReadSchedule *s = lectern_schedule_read (text, strlen (text), "_pages/about.md", 2026, &error);

  g_assert_no_error (error);
  return s;
}

/* What cannot be read is reported with its line, and never guessed */
static void
test_reported (void)
{
  g_autoptr(LecternReadSchedule) s = NULL;
  g_autoptr(LecternReadSchedule) none = NULL;
  g_autoptr(LecternReadSchedule) live = NULL;
  g_autoptr(GError) error = NULL;
  LecternReadSchedule *bad;

  s = read_text ("# plan\n"
                 "\n"
                 "| | Topic | Speaker |\n"
                 "| --- | --- | --- |\n"
                 "| 11:00am | *Coffee break* | |\n"
                 "| half past | Talk: **Lost** | A B <br> *(C)* |\n"
                 "| 1:30 | *Lunch* | |\n"
                 "| 2:00pm | **Town hall** | |\n"
                 "| 3:00pm | *Closing remarks* | | extra |\n");
  g_assert_cmpuint (lectern_read_schedule_count_slots (s), ==, 4);
  g_assert_true (has_note (s, "line 6: the time “half past” cannot be read"));
  g_assert_true (has_note (s, "line 7: “1:30” has no am or pm"));
  assert_slot (slot_at (s, 0, 1), "13:30", 30, LECTERN_SLOT_LUNCH, "Lunch");
  g_assert_true (has_note (s, "line 8: “Town hall” is on a row of its own"));
  g_assert_true (has_note (s, "line 9: the row has 4 cells"));

  /* no schedule table: nothing, and no error */
  none = read_text ("| a | b |\n| - | - |\n| x | y |\n");
  g_assert_cmpuint (none->days->len, ==, 0);

  /* a live table wins over a draft */
  live = read_text ("<!--\n| | Topic |\n|---|---|\n| 9:00am | *Old* |\n-->\n\n"
                    "| | Topic |\n|---|---|\n| 10:00am | *New* |\n");
  g_assert_false (live->draft);
  g_assert_cmpuint (lectern_read_schedule_count_slots (live), ==, 1);
  g_assert_cmpstr (slot_at (live, 0, 0)->title, ==, "New");
  g_assert_true (has_note (live, "line 2: a schedule table inside an HTML comment (a draft) was left out"));

  /* not UTF-8 */
  bad = lectern_schedule_read ("| \xff |", 5, "_pages/about.md", 2026, &error);
  g_assert_null (bad);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE);
  g_assert_nonnull (strstr (error->message, "_pages/about.md"));
}

/* The inline Markdown helpers */
static void
test_markdown (void)
{
  g_autoptr(GPtrArray) cells = lectern_markdown_split_cells ("| a \\| b | `c|d` | **e** |");
  g_autoptr(GPtrArray) parts = lectern_markdown_split_br ("A <br> B<br/>C <BR /> ");
  g_autofree char *text = lectern_markdown_to_text ("**Bold** \\*star\\* [link](u) &amp; <i>x</i> snake_case _em_");
  g_autofree char *emoji = NULL;
  g_autofree char *rest = lectern_markdown_strip_emoji ("**🎛️ Session I**", &emoji);

  g_assert_cmpuint (cells->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "a \\| b");
  g_assert_cmpstr (g_ptr_array_index (cells, 1), ==, "`c|d`");
  g_assert_cmpuint (parts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (parts, 2), ==, "C");
  g_assert_cmpstr (text, ==, "Bold *star* link & x snake_case em");
  g_assert_cmpstr (emoji, ==, "🎛️");
  g_assert_cmpstr (rest, ==, "**Session I**");
  g_assert_true (lectern_markdown_is_wrapped ("*Coffee*", "*"));
  g_assert_false (lectern_markdown_is_wrapped ("**Coffee**", "*"));
  g_assert_true (lectern_markdown_is_wrapped ("**Coffee**", "**"));
  g_assert_false (lectern_markdown_is_wrapped ("**A** and **B**", "**"));
}

/* Text saved in the wrong encoding, repaired and reported; unusual text
 * left alone */
static void
test_mis_encoded (void)
{
  g_autofree char *dir = lectern_test_fixture_path (".");
  g_autofree char *path = g_build_filename (dir, "schedules", "mis-encoded-about.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LecternReadSchedule) s = NULL;
  g_autoptr(GError) error = NULL;
  const char *plain[] = { "Zürich", "Ærø", "naïve «élan» ¿Qué?", "🔥 — “quoted” 🧑‍🎓", "Ce Zhang", "" };
  LecternReadDay *day;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  fixed = lectern_site_repair_encoding (text, length, "_pages/about.md", notes);
  g_assert_nonnull (fixed);
  g_assert_cmpuint (notes->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "_pages/about.md, line 13: "));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "read as “🔥”"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "line 36: "));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "read as “⚙️”"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 2), "read as “🎉”"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 3), "“â€”” was text saved in the wrong encoding; read as “—”"));
  /* the real text on the page's last line is as it was */
  g_assert_nonnull (strstr (fixed, "Zürich, Ærø, naïve, «élan» and ¿Qué? are real text."));

  s = lectern_schedule_read (fixed, strlen (fixed), "_pages/about.md", 2023, &error);
  g_assert_no_error (error);
  day = g_ptr_array_index (s->days, 0);
  g_assert_cmpstr (((LecternReadSession *) g_ptr_array_index (day->sessions, 0))->emoji, ==, "🔥");
  g_assert_cmpstr (slot_at (s, 0, 18)->title, ==, "Post-workshop happy hour — drinks");
  g_assert_cmpstr (slot_at (s, 0, 18)->emoji, ==, "🎉");

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_free);

      g_assert_null (lectern_site_repair_encoding (plain[i], strlen (plain[i]), "x", none));
      g_assert_cmpuint (none->len, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule-reader/es-fomo-2023", test_2023);
  g_test_add_func ("/schedule-reader/es-fomo-2024", test_2024);
  g_test_add_func ("/schedule-reader/es-fomo-2025", test_2025);
  g_test_add_func ("/schedule-reader/draft", test_draft);
  g_test_add_func ("/schedule-reader/two-tables", test_two_tables);
  g_test_add_func ("/schedule-reader/reported", test_reported);
  g_test_add_func ("/schedule-reader/markdown", test_markdown);
  g_test_add_func ("/schedule-reader/mis-encoded", test_mis_encoded);

  return g_test_run ();
}
