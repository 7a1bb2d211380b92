/* test-publish-message.c: the commit message says what changed, in the
 * organizers' words, read from the files before and after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-publish-result.h"
#include "lectern-test-util.h"

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static char *
first_line (LecternPublishResult *result)
{
  g_autofree char *message = lectern_publish_result_describe_changes (result);

  return g_strndup (message, strcspn (message, "\n"));
}

static char *
schedule (const char *slots)
{
  return g_strdup_printf ("timezone: Pacific/Honolulu\ndays:\n- date: \"2023-07-29\"\n  slots:\n%s", slots);
}

#define SLOT(start, kind, title, who) \
  "  - start: \"" start "\"\n    end: \"23:00\"\n    kind: " kind "\n    title: " title "\n" \
  "    people:\n    - name: " who "\n"

static char *
card (const char *title,
      const char *category)
{
  return g_strdup_printf ("---\nlayout: page\ntitle: %s\ndescription: X\nimportance: 1\ncategory: %s\n---\n",
                          title, category);
}

static void
add (LecternPublishResult *result,
     const char           *path,
     const char           *old,
     const char           *now,
     LecternSiteFileKind   kind)
{
  g_autoptr(GBytes) before = old != NULL ? text (old) : NULL;
  g_autoptr(GBytes) after = text (now);

  lectern_publish_result_add_change (result, path, before, TRUE, after, kind);
}

static void
test_schedule (void)
{
  g_autofree char *old = schedule (SLOT ("09:00", "talk", "Megatron", "Deepak")
                                   SLOT ("09:25", "talk", "Decentralized AI", "Ce")
                                   SLOT ("10:00", "break", "Coffee break", "Nobody"));
  g_autofree char *moved = schedule (SLOT ("09:25", "talk", "Megatron", "Deepak")
                                     SLOT ("09:00", "talk", "Decentralized AI", "Ce")
                                     SLOT ("10:00", "break", "Coffee break", "Nobody"));
  g_autofree char *mixed = schedule (SLOT ("09:00", "talk", "Megatron", "Deepak Narayanan")
                                     SLOT ("09:25", "talk", "Decentralized AI", "Ce")
                                     SLOT ("10:30", "talk", "Cerebras", "Natalia"));
  g_autoptr(LecternPublishResult) r1 = lectern_publish_result_new ();
  g_autoptr(LecternPublishResult) r2 = lectern_publish_result_new ();
  g_autoptr(LecternPublishResult) r3 = lectern_publish_result_new ();
  g_autofree char *l1 = NULL, *l2 = NULL, *l3 = NULL;
  g_autoptr(GBytes) now = text (moved);

  add (r1, "_data/schedule.yml", old, moved, LECTERN_SITE_FILE_DATA);
  add (r1, "_pages/about.md", "a", "b", LECTERN_SITE_FILE_PAGE);
  add (r1, "assets/schedule/schedule.ics", "a", "b", LECTERN_SITE_FILE_PROGRAM);
  l1 = first_line (r1);
  g_assert_cmpstr (l1, ==, "Schedule: moved 2 talks");

  add (r2, "_data/schedule.yml", old, mixed, LECTERN_SITE_FILE_DATA);
  l2 = first_line (r2);
  g_assert_cmpstr (l2, ==, "Schedule: added 1 talk, removed 1 slot, changed 1 talk");

  /* what the branch had is not known: no guess */
  lectern_publish_result_add_change (r3, "_data/schedule.yml", NULL, FALSE, now, LECTERN_SITE_FILE_DATA);
  l3 = first_line (r3);
  g_assert_cmpstr (l3, ==, "Schedule: updated");
}

static void
test_cards (void)
{
  g_autoptr(LecternPublishResult) result = lectern_publish_result_new ();
  g_autofree char *tri = card ("<b>Tri</b> <br> Dao", "speaker");
  g_autofree char *lea_old = card ("<b>Léa</b> <br> Dubois", "panelist");
  g_autofree char *lea_new = card ("<b>Léa</b> <br> Dubois", "none");
  g_autofree char *dan_old = card ("<b>Dan</b> <br> Fu", "organizer");
  g_autofree char *dan_new = card ("<b>Daniel Y.</b> <br> Fu", "organizer");
  g_autofree char *line = NULL;
  g_autofree char *message = NULL;

  add (result, "_projects/tri.md", NULL, tri, LECTERN_SITE_FILE_CARD);
  add (result, "_projects/lea.md", lea_old, lea_new, LECTERN_SITE_FILE_CARD);
  add (result, "_projects/dan.md", dan_old, dan_new, LECTERN_SITE_FILE_CARD);
  add (result, "assets/img/tri.jpg", NULL, "\xff\xd8", LECTERN_SITE_FILE_IMAGE);
  add (result, "assets/img/dan.jpg", "\xff\xd8", "\xff\xd9", LECTERN_SITE_FILE_IMAGE);
  add (result, "assets/schedule/schedule.json", "{}", "{ }", LECTERN_SITE_FILE_PROGRAM);
  line = first_line (result);
  g_assert_cmpstr (line, ==, "Speakers: added Tri Dao; Panelists: removed Léa Dubois; "
                             "Organizers: updated Daniel Y. Fu; Calendar and app files: updated; "
                             "Images: 1 new, 1 replaced");

  /* the body lists the files */
  message = lectern_publish_result_describe_changes (result);
  g_assert_nonnull (strstr (message, "\n\nnew      _projects/tri.md\nchanged  _projects/lea.md\n"));
}

/* A first line that would be too long says how many instead */
static void
test_many (void)
{
  g_autoptr(LecternPublishResult) result = lectern_publish_result_new ();
  g_autofree char *line = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *path = g_strdup_printf ("_projects/p%d.md", i);
      g_autofree char *title = g_strdup_printf ("<b>Person</b> <br> Number%d", i);
      g_autofree char *c = card (title, "speaker");

      add (result, path, NULL, c, LECTERN_SITE_FILE_CARD);
    }
  line = first_line (result);
  g_assert_cmpstr (line, ==, "Speakers: added 30 people");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish-message/schedule", test_schedule);
  g_test_add_func ("/publish-message/cards", test_cards);
  g_test_add_func ("/publish-message/many", test_many);

  return g_test_run ();
}
