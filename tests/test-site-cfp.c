/* test-site-cfp.c: the call for papers written into real sites
 *
 * Into copies of the 2023 and 2025 ES-FoMo sites, each imported first,
 * as organizers adopt Lectern: the 2025 call page's dates and topics
 * are regenerated equal to the page's own (whitespace aside) from the
 * data that describes them, and the rest of the page is kept to the
 * byte; a moved deadline changes exactly its line, the home page's
 * announcement and _data/cfp.yml; the announcement follows the clock;
 * a page with no place for the call is refused, with nothing written;
 * an unpublished call writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "lectern-cfp-reader.h"
#include "lectern-exporter.h"
#include "lectern-readiness.h"
#include "lectern-site-cfp.h"
#include "lectern-site-import.h"
#include "lectern-site-page.h"
#include "lectern-store-cfp.h"
#include "lectern-test-util.h"

typedef LecternTestSite Fixture;

static const char *topics_2025[][6] = {
  { "Training and inference", "Training and inference of large models",
    "Training on cloud/heterogeneous infrastructure",
    "Training and inference in bandwith/compute/memory/energy-constrained settings",
    "Low-precision training and inference", "Decentralized/collaborative training and inference" },
  { "Algorithms for improved training and inference efficiency",
    "Model architectures for efficient inference and training", "Large batch training and optimization",
    "Compression algorithms for communication-efficient training", NULL, NULL },
  { "Systems for foundation models", "System architectures for inference and training",
    "Programming languages and compilers for efficient training and inference",
    "Benchmarks for large models training and inference", NULL, NULL },
};

static void
import_site (Fixture    *f,
             const char *name)
{
  g_autofree char *fixture = lectern_test_fixture_path (name);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LecternSiteImportCounts counts;

  f->dir = lectern_test_make_tmpdir ("lectern-site-cfp-XXXXXX");
  f->site = g_build_filename (f->dir, "site", NULL);
  path = g_build_filename (f->dir, "w.lectern", NULL);
  lectern_test_copy_tree (fixture, f->site);
  f->store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_site_import (f->store, f->site, &counts, NULL, &error));
  g_assert_no_error (error);
}

static void
set_up_2025 (Fixture       *f,
             gconstpointer  data)
{
  import_site (f, "es-fomo-2025");
}

static void
set_up_2023 (Fixture       *f,
             gconstpointer  data)
{
  import_site (f, "es-fomo-2023");
}

static LecternCfpDate *
set_date (LecternStore *store,
          const char   *kind,
          const char   *day,
          const char   *time,
          const char   *zone,
          const char   *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) dates = lectern_store_list_cfp_dates (store, &error);
  g_autoptr(LecternCfpDate) date = lectern_cfp_find_date (dates, kind);

  if (date == NULL)
    date = lectern_store_add_cfp_date (store, kind, NULL, &error);
  g_assert_no_error (error);
  lectern_cfp_date_set_date (date, day);
  lectern_cfp_date_set_time (date, time);
  lectern_cfp_date_set_zone (date, zone);
  lectern_cfp_date_set_note (date, note);
  g_assert_true (lectern_store_update_cfp_date (store, date, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&date);
}

static void
publish_call (LecternStore *store,
              const char   *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (store, &error);

  lectern_cfp_set_submission_url (cfp, url);
  lectern_cfp_set_published (cfp, TRUE);
  g_assert_true (lectern_store_update_cfp (store, cfp, &error));
  g_assert_no_error (error);
}

/* The call the import read, forgotten: the tests describe it anew */
static void
forget_call (LecternStore *store)
{
  g_autoptr(GListModel) dates = lectern_store_list_cfp_dates (store, NULL);
  g_autoptr(GListModel) groups = lectern_store_list_cfp_topics (store, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      g_assert_true (lectern_store_remove_cfp_date (store, date, NULL));
    }
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LecternCfpTopic) group = g_list_model_get_item (groups, i);

      g_assert_true (lectern_store_remove_cfp_topic (store, group, NULL));
    }
}

/* The 2025 call, as its page describes it */
static void
describe_2025 (LecternStore *store)
{
  g_autoptr(LecternCfpDate) deadline = NULL;
  g_autoptr(LecternCfpDate) notification = NULL;

  forget_call (store);

  publish_call (store, "https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III");
  deadline = set_date (store, "submission", "2025-05-27", "23:59", "UTC", "**one-day extension for US Memorial Day**");
  notification = set_date (store, "notification", "2025-06-09", "", "", "");

  for (guint g = 0; g < G_N_ELEMENTS (topics_2025); g++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LecternCfpTopic) group = lectern_store_add_cfp_topic (store, 0, topics_2025[g][0], &error);

      g_assert_no_error (error);
      for (guint i = 1; i < G_N_ELEMENTS (topics_2025[g]) && topics_2025[g][i] != NULL; i++)
        {
          g_autoptr(LecternCfpTopic) item = lectern_store_add_cfp_topic (store, lectern_cfp_topic_get_id (group),
                                                                         topics_2025[g][i], &error);

          g_assert_no_error (error);
        }
    }
}

/* Each line without its trailing spaces, and no blank lines */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] != '\0')
        g_string_append_printf (out, "%s\n", lines[i]);
    }

  return g_string_free (out, FALSE);
}

/* The list under the heading with @words in @page (up to a blank line
 * or the next heading) */
static char *
list_under (const char *page,
            const char *words)
{
  const char *h = strstr (page, words);
  const char *start;
  const char *end;

  g_assert_nonnull (h);
  start = strchr (h, '\n') + 1;
  while (*start == '\n')
    start++;
  end = start;
  while (*end == '*' || *end == ' ')
    end = strchr (end, '\n') + 1;

  return g_strndup (start, end - start);
}

/* The page with Lectern's block @name (markers and all) and the blank
 * lines around it taken out */
static char *
without_block (const char *page,
               const char *name)
{
  g_autofree char *begin = g_strdup_printf ("<!-- lectern:%s:begin", name);
  g_autofree char *end = g_strdup_printf ("<!-- lectern:%s:end -->\n", name);
  const char *b = strstr (page, begin);
  const char *e = b != NULL ? strstr (b, end) : NULL;
  g_autofree char *before = NULL;

  g_assert_nonnull (e);
  before = g_strndup (page, b - page);
  e += strlen (end);
  while (*e == '\n')
    e++;
  g_strchomp (before);
  return g_strdup_printf ("%s\n%s", before, e);
}

/* The same with the list under a heading taken out */
static char *
without_list (const char *page,
              const char *words)
{
  g_autofree char *list = list_under (page, words);
  const char *at = strstr (strstr (page, words), list);
  g_autofree char *before = g_strndup (page, at - page);
  const char *after = at + strlen (list);

  while (*after == '\n')
    after++;
  g_strchomp (before);
  return g_strdup_printf ("%s\n%s", before, after);
}

static void
test_2025_regenerated (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2025");
  g_autofree char *original = lectern_test_read_file (fixture, LECTERN_SITE_CALL_PAGE);
  g_autofree char *page = NULL;
  g_autofree char *dates = NULL, *topics = NULL;
  g_autofree char *dates_then = NULL, *topics_then = NULL;
  g_autofree char *a = NULL, *b = NULL, *rest = NULL, *rest_then = NULL, *x = NULL, *y = NULL;
  g_autofree char *cfp_data = NULL;
  guint first = 0;

  describe_2025 (f->store);
  lectern_test_export (f->store, f->site);
  page = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);

  /* the dates and topics, equal to the page's own but for whitespace */
  dates = lectern_site_page_find_block (page, "cfp-dates", &first);
  topics = lectern_site_page_find_block (page, "cfp-topics", &first);
  g_assert_nonnull (dates);
  g_assert_nonnull (topics);
  dates_then = list_under (original, "important dates");
  topics_then = list_under (original, "relevant topics");
  a = squeeze (dates_then);
  x = squeeze (strchr (strstr (dates, "-->\n"), '\n') + 1);
  *strstr (x, "<!-- lectern:cfp-dates:end") = '\0';
  g_assert_cmpstr (x, ==, a);
  b = squeeze (topics_then);
  y = squeeze (strchr (strstr (topics, "-->\n"), '\n') + 1);
  *strstr (y, "<!-- lectern:cfp-topics:end") = '\0';
  g_assert_cmpstr (y, ==, b);

  /* the rest of the page, to the byte */
  {
    g_autofree char *r1 = without_block (page, "cfp-dates");

    rest = without_block (r1, "cfp-topics");
  }
  {
    g_autofree char *r1 = without_list (original, "important dates");

    rest_then = without_list (r1, "relevant topics");
  }
  g_assert_cmpstr (rest, ==, rest_then);

  /* the data, for Liquid */
  cfp_data = lectern_test_read_file (f->site, LECTERN_SITE_CFP_DATA);
  g_assert_nonnull (strstr (cfp_data, "- kind: submission\n  label: Submission deadline\n  date: \"2025-05-27\"\n"
                                  "  time: \"23:59\"\n  zone: UTC\n  shown: 11:59PM UTC\n  utc: \"2025-05-27T23:59:00Z\"\n"));
  g_assert_nonnull (strstr (cfp_data, "- title: Systems for foundation models\n  items:\n"
                                  "  - System architectures for inference and training\n"));
  g_assert_nonnull (strstr (cfp_data, "state: closed\n"));

  /* once more: nothing to write */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *changes = lectern_test_plan_changes (f->store, f->site, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (changes, ==, "");
  }
}

/* Lines of a that b does not have at the same place: "N: line" */
static char *
changed_lines (const char *a,
               const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    if (strcmp (la[i], lb[i]) != 0)
      g_string_append_printf (out, "%s\n", lb[i]);

  return g_string_free (out, FALSE);
}

/* A day @days from today, YYYY-MM-DD */
static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_moved_deadline (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *in_a_month = day_from_now (30);
  g_autofree char *a_day_later = day_from_now (31);
  g_autofree char *call_before = NULL, *call_after = NULL, *lines = NULL, *expected = NULL;
  g_autofree char *home_before = NULL, *home_after = NULL, *changes = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(LecternCfpDate) deadline = NULL;
  g_autoptr(GError) error = NULL;
  guint first = 0;

  /* the organizers put the announcement's markers where their own line was */
  lectern_test_replace_in_file (f->site, LECTERN_SITE_PAGE,
                                "➡️ **ES-FoMO is back for ICML 2025!** Submissions are live on "
                                "[OpenReview](https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III)!",
                                "<!-- lectern:cfp-announcement:begin -->\n<!-- lectern:cfp-announcement:end -->");
  describe_2025 (f->store);
  deadline = set_date (f->store, "submission", in_a_month, "23:59", "AoE", "");
  lectern_test_export (f->store, f->site);
  call_before = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  home_before = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  {
    g_autofree char *news = lectern_site_page_find_block (home_before, "cfp-announcement", &first);

    g_assert_nonnull (strstr (news, "➡️ **Submissions are open!** Submit on [OpenReview](https://openreview.net/"
                                    "group?id=ICML.cc/2025/Workshop/ES-FoMo-III) by **"));
    g_assert_nonnull (strstr (news, ", 11:59PM AoE**."));
  }

  /* extended by a day */
  lectern_cfp_date_set_extended_from (deadline, in_a_month);
  lectern_cfp_date_set_date (deadline, a_day_later);
  lectern_cfp_date_set_note (deadline, "**extended**");
  g_assert_true (lectern_store_update_cfp_date (f->store, deadline, &error));
  g_assert_no_error (error);
  changes = lectern_test_plan_changes (f->store, f->site, &error);
  g_assert_no_error (error);
  /* … and the calendar, which has the deadline */
  g_assert_cmpstr (changes, ==, "_pages/about.md _pages/call.md _data/cfp.yml assets/schedule/schedule.ics");
  lectern_test_export (f->store, f->site);
  {
    g_autofree char *ics = lectern_test_read_file (f->site, "assets/schedule/schedule.ics");
    g_autofree char *uid = g_strdup_printf ("cfp-%" G_GINT64_FORMAT "-", lectern_cfp_date_get_id (deadline));
    g_autofree char *utc_text = NULL;
    g_autoptr(GDateTime) day_after = NULL;
    icalcomponent *calendar = icalparser_parse_string (ics);
    guint found = 0;

    g_assert_nonnull (calendar);
    for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
         e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
      {
        struct icaltimetype start;
        struct icaltimetype in_utc;

        if (!g_str_has_prefix (icalcomponent_get_uid (e), uid))
          continue;
        found++;
        g_assert_cmpstr (icalcomponent_get_summary (e), ==, "ES-FoMO: Submission deadline");
        start = icalcomponent_get_dtstart (e);
        g_assert_cmpstr (icaltimezone_get_tzid ((icaltimezone *) start.zone), ==, "AoE");
        /* 23:59 AoE is 11:59 the next day in UTC */
        in_utc = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
        day_after = g_date_time_new_utc (in_utc.year, in_utc.month, in_utc.day, in_utc.hour, in_utc.minute, 0);
      }
    g_assert_cmpuint (found, ==, 1);
    utc_text = g_date_time_format (day_after, "%Y-%m-%d %H:%M");
    {
      g_autofree char *two_days = day_from_now (32);
      g_autofree char *expected_utc = g_strdup_printf ("%s 11:59", two_days);

      g_assert_cmpstr (utc_text, ==, expected_utc);
    }
    icalcomponent_free (calendar);
  }

  /* the call page: exactly the deadline's line */
  call_after = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  lines = changed_lines (call_before, call_after);
  shown = g_strdup (a_day_later);
  g_strdelimit (shown, "-", '/');
  expected = g_strdup_printf ("* Submission deadline: **`%s`**, 11:59PM AoE (**extended**);\n", shown);
  g_assert_cmpstr (lines, ==, expected);

  /* the home page: exactly the announcement */
  home_after = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_clear_pointer (&lines, g_free);
  lines = changed_lines (home_before, home_after);
  g_assert_true (g_str_has_prefix (lines, "➡️ **The submission deadline is extended to "));
  g_assert_cmpuint (strlen (strchr (lines, '\n')), ==, 1);
}

/* The readiness list: a passed deadline that the home page still
 * announces as open; then, exported, no more */
static gboolean
says_still_open (LecternStore *store,
                 const char   *site_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternSiteFolder) site = lectern_site_folder_open (site_dir, &error);
  g_autoptr(GPtrArray) items = lectern_readiness_check (store, site, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      LecternReadinessItem *item = g_ptr_array_index (items, i);

      if (strstr (item->message, "still says submissions are open") != NULL)
        {
          g_assert_cmpint (item->level, ==, LECTERN_READINESS_ERROR);
          found = TRUE;
        }
    }
  return found;
}

static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *in_a_month = day_from_now (30);
  /* two days ago: 23:59 AoE yesterday is still ahead until noon UTC */
  g_autofree char *yesterday = day_from_now (-2);
  g_autoptr(LecternCfpDate) deadline = NULL;
  g_autoptr(GError) error = NULL;

  lectern_test_replace_in_file (f->site, LECTERN_SITE_PAGE,
                                "➡️ **ES-FoMO is back for ICML 2025!** Submissions are live on "
                                "[OpenReview](https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III)!",
                                "<!-- lectern:cfp-announcement:begin -->\n<!-- lectern:cfp-announcement:end -->");
  describe_2025 (f->store);
  deadline = set_date (f->store, "submission", in_a_month, "23:59", "AoE", "");
  lectern_test_export (f->store, f->site);
  g_assert_false (says_still_open (f->store, f->site));

  lectern_cfp_date_set_date (deadline, yesterday);
  g_assert_true (lectern_store_update_cfp_date (f->store, deadline, &error));
  g_assert_no_error (error);
  g_assert_true (says_still_open (f->store, f->site));

  lectern_test_export (f->store, f->site);
  g_assert_false (says_still_open (f->store, f->site));
}

/* The import reads the call: published, the export writes the same
 * lists back (whitespace aside) */
static void
test_2025_read_back (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fixture = lectern_test_fixture_path ("es-fomo-2025");
  g_autofree char *original = lectern_test_read_file (fixture, LECTERN_SITE_CALL_PAGE);
  g_autofree char *page = NULL, *dates = NULL, *topics = NULL, *a = NULL, *b = NULL, *x = NULL, *y = NULL;
  g_autofree char *then_dates = NULL, *then_topics = NULL;
  g_autoptr(GListModel) read = lectern_store_list_cfp_dates (f->store, NULL);
  g_autoptr(GListModel) groups = lectern_store_list_cfp_topics (f->store, 0, NULL);
  g_autoptr(LecternCfpDate) deadline = g_list_model_get_item (read, 0);
  g_autoptr(LecternCfp) cfp = lectern_store_get_cfp (f->store, NULL);
  guint first = 0;

  /* as the page has it */
  g_assert_cmpuint (g_list_model_get_n_items (read), ==, 2);
  g_assert_cmpstr (lectern_cfp_date_get_kind (deadline), ==, "submission");
  g_assert_cmpstr (lectern_cfp_date_get_date (deadline), ==, "2025-05-27");
  g_assert_cmpstr (lectern_cfp_date_get_time (deadline), ==, "23:59");
  g_assert_cmpstr (lectern_cfp_date_get_zone (deadline), ==, "UTC");
  g_assert_cmpstr (lectern_cfp_date_get_note (deadline), ==, "**one-day extension for US Memorial Day**");
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 3);
  g_assert_cmpstr (lectern_cfp_get_submission_url (cfp), ==,
                   "https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III");
  /* its text and details, as Markdown */
  g_assert_true (g_str_has_prefix (lectern_cfp_get_intro (cfp), "We welcome submissions addressing **emerging"));
  g_assert_true (g_str_has_suffix (lectern_cfp_get_intro (cfp),
                                   "Submit on [OpenReview](https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo-III)."));
  g_assert_true (g_str_has_prefix (lectern_cfp_get_details (cfp), "* **Formatting:** all submissions must be in PDF"));
  g_assert_true (g_str_has_suffix (lectern_cfp_get_details (cfp), "* **Contact:** reach out to `esfomo.workshop@gmail.com`."));
  /* not shown until the organizers say so */
  g_assert_false (lectern_cfp_get_published (cfp));

  lectern_cfp_set_published (cfp, TRUE);
  g_assert_true (lectern_store_update_cfp (f->store, cfp, NULL));
  lectern_test_export (f->store, f->site);
  page = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  dates = lectern_site_page_find_block (page, "cfp-dates", &first);
  topics = lectern_site_page_find_block (page, "cfp-topics", &first);
  then_dates = list_under (original, "important dates");
  then_topics = list_under (original, "relevant topics");
  a = squeeze (then_dates);
  b = squeeze (then_topics);
  x = squeeze (strchr (strstr (dates, "-->\n"), '\n') + 1);
  *strstr (x, "<!-- lectern:cfp-dates:end") = '\0';
  y = squeeze (strchr (strstr (topics, "-->\n"), '\n') + 1);
  *strstr (y, "<!-- lectern:cfp-topics:end") = '\0';
  g_assert_cmpstr (x, ==, a);
  g_assert_cmpstr (y, ==, b);
}

/* What the reader makes of the ways call pages write dates */
static void
test_reader (void)
{
  static const char page[] =
    "# call\n\n### 📆 Important Dates\n\n"
    "* Abstract deadline: **`2026/01/10`**, 11:59PM AoE;\n"
    "* Submission deadline: **`2026-01-17`**, 5:00 pm PDT (**firm**);\n"
    "* Acceptance notification: **`TBD`**\n"
    "* Camera-ready deadline: soon\n\n"
    "### Topics\n* plain topic;\n* **Group**:\n  * one;\n  * two.\n";
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LecternCfpReading) reading = lectern_cfp_read_page ("_pages/call.md", page, notes);
  LecternCfpDate *abstract, *submission, *notification;
  LecternCfpReadGroup *group;

  g_assert_nonnull (reading);
  g_assert_cmpuint (reading->dates->len, ==, 3);
  abstract = g_ptr_array_index (reading->dates, 0);
  submission = g_ptr_array_index (reading->dates, 1);
  notification = g_ptr_array_index (reading->dates, 2);
  g_assert_cmpstr (lectern_cfp_date_get_kind (abstract), ==, "other");
  g_assert_cmpstr (lectern_cfp_date_get_label (abstract), ==, "Abstract deadline");
  g_assert_cmpstr (lectern_cfp_date_get_date (abstract), ==, "2026-01-10");
  g_assert_cmpstr (lectern_cfp_date_get_time (abstract), ==, "23:59");
  g_assert_cmpstr (lectern_cfp_date_get_zone (abstract), ==, "AoE");
  g_assert_cmpstr (lectern_cfp_date_get_label (submission), ==, "");
  g_assert_cmpstr (lectern_cfp_date_get_time (submission), ==, "17:00");
  g_assert_cmpstr (lectern_cfp_date_get_zone (submission), ==, "");
  g_assert_cmpstr (lectern_cfp_date_get_note (submission), ==, "**firm**");
  g_assert_cmpstr (lectern_cfp_date_get_kind (notification), ==, "notification");
  g_assert_cmpstr (lectern_cfp_date_get_date (notification), ==, "");

  /* said, with their lines: the zone it could not place, the day it could not read */
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==,
                   "_pages/call.md, line 6: the time zone “PDT” was not understood: the time is read in UTC");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (notes, 1), "_pages/call.md, line 8: "));

  /* a topic before any group gets one; bold groups, their items */
  g_assert_cmpuint (reading->groups->len, ==, 2);
  group = g_ptr_array_index (reading->groups, 0);
  g_assert_cmpstr (group->title, ==, "plain topic");
  group = g_ptr_array_index (reading->groups, 1);
  g_assert_cmpstr (group->title, ==, "Group");
  g_assert_cmpuint (group->items->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (group->items, 1), ==, "two");
}

/* Markers around another of Lectern's blocks: writing the one would
 * lose the other, so the page is refused, naming the block */
static void
test_nested_markers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *news = lectern_site_block_wrap ("cfp-announcement", "the call", "➡️ Submit!");
  const char *page = "# Home\n\n<!-- lectern:cfp-announcement:begin -->\n"
                     LECTERN_SCHEDULE_BEGIN_MARKER "\n\n| Time | Talk |\n\n" LECTERN_SCHEDULE_END_MARKER "\n"
                     "<!-- lectern:cfp-announcement:end -->\n";
  const char *apart = "# Home\n\n<!-- lectern:cfp-announcement:begin -->\n<!-- lectern:cfp-announcement:end -->\n\n"
                      LECTERN_SCHEDULE_BEGIN_MARKER "\n\n| Time | Talk |\n\n" LECTERN_SCHEDULE_END_MARKER "\n";
  LecternSiteBlock block = { "cfp-announcement", "the call’s announcement", NULL, LECTERN_SITE_PLACE_MARKERS, news };
  g_autofree char *placed = NULL;

  g_assert_null (lectern_site_page_place ("_pages/about.md", page, &block, &error));
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE);
  g_assert_nonnull (strstr (error->message, "another of Lectern’s markers between its markers for the call’s announcement"));
  g_clear_error (&error);

  /* the other way round: the announcement's markers inside the schedule's */
  {
    g_autofree char *table = g_strdup_printf ("%s\n\n| Time | Talk |\n\n%s", LECTERN_SCHEDULE_BEGIN_MARKER,
                                              LECTERN_SCHEDULE_END_MARKER);
    const char *around = "## Schedule\n\n" LECTERN_SCHEDULE_BEGIN_MARKER "\n<!-- lectern:cfp-announcement:begin -->\n"
                         "<!-- lectern:cfp-announcement:end -->\n\n| Time | Talk |\n\n" LECTERN_SCHEDULE_END_MARKER "\n";

    g_assert_null (lectern_site_page_place_block (around, "Schedule", table, &error));
    g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_BROKEN_PAGE);
    g_assert_nonnull (strstr (error->message, "between its markers for the schedule"));
  }

  placed = lectern_site_page_place ("_pages/about.md", apart, &block, NULL);
  g_assert_nonnull (placed);
  g_assert_nonnull (strstr (placed, "➡️ Submit!"));
  g_assert_nonnull (strstr (placed, LECTERN_SCHEDULE_BEGIN_MARKER));
}

/* The announcement by the state of the call */
static void
test_announcement (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfp) cfp = NULL;
  g_autoptr(GListModel) dates = NULL;
  g_autofree char *open = NULL, *extended = NULL, *closed = NULL, *soon = NULL;

  describe_2025 (f->store);
  cfp = lectern_store_get_cfp (f->store, &error);
  dates = lectern_store_list_cfp_dates (f->store, &error);
  open = lectern_site_cfp_announcement (cfp, dates, LECTERN_CFP_OPEN);
  extended = lectern_site_cfp_announcement (cfp, dates, LECTERN_CFP_EXTENDED);
  closed = lectern_site_cfp_announcement (cfp, dates, LECTERN_CFP_CLOSED);
  soon = lectern_site_cfp_announcement (cfp, dates, LECTERN_CFP_UPCOMING);

  g_assert_cmpstr (open, ==, "➡️ **Submissions are open!** Submit on [OpenReview](https://openreview.net/group?id=ICML.cc/"
                             "2025/Workshop/ES-FoMo-III) by **May 27, 2025, 11:59PM UTC** (**one-day extension for US "
                             "Memorial Day**).");
  g_assert_cmpstr (extended, ==, "➡️ **The submission deadline is extended to May 27, 2025, 11:59PM UTC** (**one-day "
                                 "extension for US Memorial Day**). Submit on [OpenReview](https://openreview.net/"
                                 "group?id=ICML.cc/2025/Workshop/ES-FoMo-III).");
  g_assert_cmpstr (closed, ==, "➡️ **Submissions are closed.** Thank you to everyone who submitted! Decisions will be "
                               "sent by June 9, 2025.");
  g_assert_cmpstr (soon, ==, "➡️ **The call for papers is coming soon.**");
}

/* The 2023 page: its three dates; a page with no place: refused */
static void
test_2023_and_refusal (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dates = NULL;
  g_autofree char *call = NULL;
  g_autofree char *home = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternCfpDate) a = NULL;
  g_autoptr(LecternCfpDate) b = NULL;
  g_autoptr(LecternCfpDate) c = NULL;
  g_autofree char *cfp_data = NULL;
  guint first = 0;

  forget_call (f->store);
  publish_call (f->store, "https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO");
  a = set_date (f->store, "submission", "2023-05-31", "", "",
                "submit on [**🤝 OpenReview**](https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO)");
  b = set_date (f->store, "notification", "2023-06-19", "", "", "");
  c = set_date (f->store, "camera-ready", "2023-07-07", "", "", "");

  /* no heading for the dates and no markers: refused, nothing written */
  lectern_test_replace_in_file (f->site, LECTERN_SITE_CALL_PAGE, "### 📆 important dates", "### 📆 when");
  call = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  home = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_assert_null (lectern_test_plan_changes (f->store, f->site, &error));
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE);
  g_assert_nonnull (strstr (error->message, "_pages/call.md"));
  g_assert_nonnull (strstr (error->message, "important dates"));
  g_clear_error (&error);
  {
    g_autoptr(LecternExporter) exporter = lectern_exporter_new (f->store, f->site);

    g_assert_null (lectern_exporter_plan (exporter, &error));
    g_clear_error (&error);
  }
  g_free (changes);
  changes = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_assert_cmpstr (changes, ==, home);
  g_clear_pointer (&changes, g_free);
  changes = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  g_assert_cmpstr (changes, ==, call);

  /* with the heading back: the three dates, as the page had them but
   * the final full stop */
  lectern_test_replace_in_file (f->site, LECTERN_SITE_CALL_PAGE, "### 📆 when", "### 📆 important dates");
  lectern_test_export (f->store, f->site);
  g_clear_pointer (&call, g_free);
  call = lectern_test_read_file (f->site, LECTERN_SITE_CALL_PAGE);
  dates = lectern_site_page_find_block (call, "cfp-dates", &first);
  g_assert_nonnull (strstr (dates, "\n* Submission deadline: **`2023/05/31`** (submit on [**🤝 OpenReview**]"
                                   "(https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO));\n"
                                   "* Acceptance notification: **`2023/06/19`**;\n"
                                   "* Camera-ready deadline: **`2023/07/07`**\n"));
  /* the 2023 home page has no markers for the announcement: untouched there */
  g_clear_pointer (&home, g_free);
  home = lectern_test_read_file (f->site, LECTERN_SITE_PAGE);
  g_assert_null (strstr (home, "lectern:cfp-announcement"));
  cfp_data = lectern_test_read_file (f->site, LECTERN_SITE_CFP_DATA);
  g_assert_nonnull (strstr (cfp_data, "kind: camera-ready"));
}

/* A site without a call page: the export says which page and what for */
static void
test_no_call_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *page = g_build_filename (f->site, LECTERN_SITE_CALL_PAGE, NULL);
  g_autofree char *changes = NULL;
  g_autoptr(GError) error = NULL;

  describe_2025 (f->store);
  g_assert_cmpint (g_unlink (page), ==, 0);
  changes = lectern_test_plan_changes (f->store, f->site, &error);
  g_assert_null (changes);
  g_assert_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_SITE);
  g_assert_cmpstr (error->message, ==, "The site has no _pages/call.md, which should hold the call’s dates. Nothing was written.");
}

/* An unpublished call: the site's pages as they were */
static void
test_unpublished (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LecternCfpDate) deadline = set_date (f->store, "submission", "2025-05-27", "23:59", "UTC", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = lectern_test_plan_changes (f->store, f->site, &error);

  g_assert_no_error (error);
  g_assert_null (strstr (changes, "call.md"));
  g_assert_null (strstr (changes, "cfp.yml"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  lectern_test_keep_quark_block ();

  g_test_add ("/site-cfp/2025-regenerated", Fixture, NULL, set_up_2025, test_2025_regenerated, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/moved-deadline", Fixture, NULL, set_up_2025, test_moved_deadline, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/announcement", Fixture, NULL, set_up_2025, test_announcement, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/2023-and-refusal", Fixture, NULL, set_up_2023, test_2023_and_refusal, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/2025-read-back", Fixture, NULL, set_up_2025, test_2025_read_back, lectern_test_site_tear_down);
  g_test_add_func ("/site-cfp/reader", test_reader);
  g_test_add_func ("/site-cfp/nested-markers", test_nested_markers);
  g_test_add ("/site-cfp/readiness", Fixture, NULL, set_up_2025, test_readiness, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/no-call-page", Fixture, NULL, set_up_2025, test_no_call_page, lectern_test_site_tear_down);
  g_test_add ("/site-cfp/unpublished", Fixture, NULL, set_up_2025, test_unpublished, lectern_test_site_tear_down);

  return g_test_run ();
}
