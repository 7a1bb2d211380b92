/* test-print.c: the printed program, read back with poppler's tools
 *
 * The demo's PDF, read with pdftotext, lists every slot of the day in
 * order with its time; a day of 40 slots still fits its one page (every
 * word inside the page, per `pdftotext -bbox`); US Letter when asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lectern-site-print.h"
#include "lectern-test-util.h"

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_demo (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "demo.lectern", NULL);
  g_autofree char *pdf = g_build_filename (dir, "program.pdf", NULL);
  g_autoptr(LecternStore) store = lectern_test_create_demo (path, NULL);
  g_autoptr(LecternProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  static const char *in_order[] = {
    "8:55am–9:00am", "Opening remarks", "Session I: Large-Scale Distributed Pretraining",
    "9:00am–9:25am", "Using Megatron to Train Large Language Models", "Deepak Narayanan (Microsoft Research)",
    "10:55am–11:25am", "The Case for 4-bit Inference", "2:15pm–3:15pm", "Panel: Large Language Models",
    "moderated by Abhi Venigalla", "6:00pm–8:00pm", "Post-workshop happy hour",
  };
  const char *at;

  program = lectern_program_new (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_program_get_n_pages (program), ==, 1);
  g_assert_true (lectern_program_write_pdf (program, pdf, FALSE, &error));
  g_assert_no_error (error);

  text = run ((const char *[]) { "pdftotext", "-raw", pdf, "-", NULL });
  at = text;
  g_assert_nonnull (strstr (text, "Efficient Systems for Foundation Models"));
  g_assert_nonnull (strstr (text, "Saturday, July 29, 2023"));
  g_assert_nonnull (strstr (text, "All times Pacific/Honolulu (HST, UTC-10)"));
  for (guint i = 0; i < G_N_ELEMENTS (in_order); i++)
    {
      const char *found = strstr (at, in_order[i]);

      if (found == NULL)
        g_error ("“%s” is not in the program after its place:\n%s", in_order[i], text);
      at = found;
    }

  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "A4"));
  g_assert_true (lectern_program_write_pdf (program, pdf, TRUE, &error));
  g_free (info);
  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "612 x 792"));

  lectern_test_rm_rf (dir);
}

/* 120 slots over 3 days: 40 a day, each day on its page, nothing cut */
static void
test_long_day (void)
{
  g_autofree char *dir = lectern_test_make_tmpdir ("lectern-print-big-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.lectern", NULL);
  g_autofree char *pdf = g_build_filename (dir, "program.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_test_create_big (path, 60, 120, 0, &error);
  g_autoptr(LecternProgram) program = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autofree char *bbox = NULL;
  g_autofree char *text = NULL;
  const char *p;
  double y_max = 0;
  guint n_words = 0;

  g_assert_no_error (error);
  program = lectern_program_new (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lectern_program_get_n_pages (program), ==, 3);
  g_assert_true (lectern_program_write_pdf (program, pdf, FALSE, &error));
  g_assert_no_error (error);

  /* every slot's title is there */
  text = run ((const char *[]) { "pdftotext", "-raw", pdf, "-", NULL });
  days = lectern_store_list_days (store, NULL);
  for (guint d = 0; d < g_list_model_get_n_items (days); d++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, d);
      g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), NULL);

      g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 40);
      for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);
          g_autofree char *start = g_strdup_printf ("%d:%02d", (lectern_slot_get_start (slot) / 60 + 11) % 12 + 1,
                                                    lectern_slot_get_start (slot) % 60);

          g_assert_nonnull (strstr (text, start));
        }
    }

  /* a day in several rooms: each slot says which */
  {
    g_autoptr(GListModel) rooms = lectern_store_list_rooms (store, NULL);
    g_autoptr(LecternRoom) room = g_list_model_get_item (rooms, 0);
    g_autofree char *where = g_strdup_printf ("%s ·", lectern_room_get_name (room));

    g_assert_nonnull (strstr (text, where));
  }

  /* and every word inside its A4 page */
  bbox = run ((const char *[]) { "pdftotext", "-bbox", pdf, "-", NULL });
  for (p = strstr (bbox, "yMax=\""); p != NULL; p = strstr (p + 1, "yMax=\""))
    {
      y_max = MAX (y_max, g_ascii_strtod (p + 6, NULL));
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 120 * 3);
  g_assert_cmpfloat (y_max, <, 841.89 - 30);

  /* to look at it: LECTERN_SCREENSHOT_DIR=… keeps it as long-day.pdf */
  if (g_getenv ("LECTERN_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("LECTERN_SCREENSHOT_DIR"), "long-day.pdf", NULL);
      g_autofree char *bytes = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
      g_assert_true (g_file_set_contents (kept, bytes, len, NULL));
    }

  lectern_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/demo", test_demo);
  g_test_add_func ("/print/long-day", test_long_day);

  return g_test_run ();
}
