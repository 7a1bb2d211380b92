/* test-workshop-loader.c: the demo workshop, and a workshop file with mistakes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-store.h"
#include "lectern-test-util.h"
#include "lectern-workshop-loader.h"

#define DEMO_NAME "es-fomo-2023.yml"

typedef struct
{
  char         *dir;
  LecternStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = lectern_test_make_tmpdir ("lectern-loader-XXXXXX");

  path = g_build_filename (f->dir, "workshop.lectern", NULL);
  f->store = lectern_store_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  lectern_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
demo_path (void)
{
  const char *source_dir = g_getenv ("LECTERN_SOURCE_DIR");

  if (source_dir != NULL && source_dir[0] != '\0')
    return g_build_filename (source_dir, "data", "demo", DEMO_NAME, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", DEMO_NAME, NULL);
}

static char *
demo_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = demo_path ();
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static gboolean
load_text (LecternStore  *store,
           const char    *text,
           GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lectern_workshop_loader_load (store, bytes, DEMO_NAME, error);
}

static void
load_demo (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = demo_text ();

  g_assert_true (load_text (store, text, &error));
  g_assert_no_error (error);
}

static guint
n_items (GListModel *model)
{
  g_assert_nonnull (model);
  return g_list_model_get_n_items (model);
}

static guint
count_cards (LecternStore *store,
             int           role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, role, &error);

  g_assert_no_error (error);
  return n_items (cards);
}

static LecternCard *
get_card (LecternStore *store,
          LecternRole   role,
          guint         index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, role, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, n_items (cards));

  return g_list_model_get_item (cards, index);
}

static void
assert_card_slugs (LecternStore        *store,
                   LecternRole          role,
                   const char * const  *slugs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, role, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (cards), ==, g_strv_length ((char **) slugs));

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      g_assert_cmpstr (lectern_card_get_slug (card), ==, slugs[i]);
      g_assert_cmpint (lectern_card_get_position (card), ==, i + 1);
      g_assert_false (lectern_card_get_archived (card));
    }
}

/* The slot whose title is title (there must be exactly one). */
static LecternSlot *
find_slot (GListModel *slots,
           const char *title)
{
  LecternSlot *found = NULL;

  for (guint i = 0; i < n_items (slots); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

      if (g_strcmp0 (lectern_slot_get_title (slot), title) == 0)
        {
          g_assert_null (found);
          found = g_object_ref (slot);
        }
    }

  g_assert_nonnull (found);
  return found;
}

static LecternSession *
find_session (LecternStore *store,
              gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = lectern_store_list_sessions (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_items (sessions); i++)
    {
      g_autoptr(LecternSession) session = g_list_model_get_item (sessions, i);

      if (lectern_session_get_id (session) == id)
        return g_steal_pointer (&session);
    }

  g_assert_not_reached ();
}

/* Nothing of a workshop: what a failed load must leave behind. */
static void
assert_store_empty (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = lectern_store_list_people (store, &error);
  g_autoptr(GListModel) sponsors = lectern_store_list_sponsors (store, &error);
  g_autoptr(GListModel) days = lectern_store_list_days (store, &error);
  g_autoptr(GListModel) sessions = lectern_store_list_sessions (store, &error);
  g_autoptr(GListModel) slots = lectern_store_list_slots (store, 0, &error);
  g_autoptr(LecternEvent) event = lectern_store_get_event (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (people), ==, 0);
  g_assert_cmpuint (count_cards (store, -1), ==, 0);
  g_assert_cmpuint (n_items (sponsors), ==, 0);
  g_assert_cmpuint (n_items (days), ==, 0);
  g_assert_cmpuint (n_items (sessions), ==, 0);
  g_assert_cmpuint (n_items (slots), ==, 0);
  g_assert_cmpstr (lectern_event_get_name (event), ==, "");
  g_assert_cmpstr (lectern_event_get_short_name (event), ==, "");
  g_assert_cmpint (lectern_event_get_year (event), ==, 0);
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

static void
test_demo_event (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternEvent) event = NULL;

  load_demo (f->store);

  event = lectern_store_get_event (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_name (event), ==, "Efficient Systems for Foundation Models");
  g_assert_cmpstr (lectern_event_get_short_name (event), ==, "ES-FoMo");
  g_assert_cmpstr (lectern_event_get_conference (event), ==, "ICML 2023");
  g_assert_cmpint (lectern_event_get_year (event), ==, 2023);
  g_assert_cmpstr (lectern_event_get_start_date (event), ==, "2023-07-29");
  g_assert_cmpstr (lectern_event_get_end_date (event), ==, "2023-07-29");
  g_assert_cmpstr (lectern_event_get_timezone (event), ==, "Pacific/Honolulu");
  g_assert_cmpstr (lectern_event_get_venue (event), ==, "the convention center");
  g_assert_cmpstr (lectern_event_get_room (event), ==, "Ballroom A (floor L4)");
  g_assert_cmpstr (lectern_event_get_room_map_url (event), ==,
                   "https://map.concept3d.com/?id=1107#!m/242756");
  g_assert_cmpstr (lectern_event_get_contact_email (event), ==, "esfomo.workshop@gmail.com");
  g_assert_cmpstr (lectern_event_get_site_url (event), ==, "https://es-fomo.com");
  g_assert_cmpstr (lectern_event_get_openreview_url (event), ==,
                   "https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO");
  g_assert_cmpstr (lectern_event_get_plan_heading (event), ==, "## 📆 the plan");
}

static void
test_demo_cards (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const speakers[] = {
    "deepak", "ce", "natalia", "tim", "aakanksha", "natalia_g", "philippe", NULL
  };
  static const char * const panelists[] = {
    "anna", "rishi", "susan", "emily", "james", NULL
  };
  static const char * const moderators[] = { "abhi", "dylan", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(LecternCard) deepak = NULL;
  g_autoptr(LecternCard) anna = NULL;
  g_autoptr(LecternCard) susan = NULL;
  g_autoptr(LecternCard) organizer = NULL;
  LecternPerson *person;

  load_demo (f->store);

  /* 21 person cards and 1 sponsor: the fixture's 22 files. */
  g_assert_cmpuint (count_cards (f->store, -1), ==, 21);
  g_assert_cmpuint (count_cards (f->store, LECTERN_ROLE_SPEAKER), ==, 7);
  g_assert_cmpuint (count_cards (f->store, LECTERN_ROLE_PANELIST), ==, 5);
  g_assert_cmpuint (count_cards (f->store, LECTERN_ROLE_MODERATOR), ==, 2);
  g_assert_cmpuint (count_cards (f->store, LECTERN_ROLE_ORGANIZER), ==, 7);

  /* The card holders and the four presenters without a card. */
  people = lectern_store_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (people), ==, 25);

  assert_card_slugs (f->store, LECTERN_ROLE_SPEAKER, speakers);
  assert_card_slugs (f->store, LECTERN_ROLE_PANELIST, panelists);
  assert_card_slugs (f->store, LECTERN_ROLE_MODERATOR, moderators);

  deepak = get_card (f->store, LECTERN_ROLE_SPEAKER, 0);
  person = lectern_card_get_person (deepak);
  g_assert_cmpstr (lectern_person_get_name (person), ==, "Deepak Narayanan");
  g_assert_cmpstr (lectern_person_get_first_name (person), ==, "Deepak");
  g_assert_cmpstr (lectern_person_get_family_name (person), ==, "Narayanan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Microsoft Research");
  g_assert_cmpstr (lectern_person_get_homepage (person), ==, "https://deepakn94.github.io");
  /* The path it came with, capital extension and all. */
  g_assert_cmpstr (lectern_person_get_image_path (person), ==, "assets/img/deepak.JPG");

  anna = get_card (f->store, LECTERN_ROLE_PANELIST, 0);
  person = lectern_card_get_person (anna);
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "Stanford University, Anthropic");
  g_assert_cmpstr (lectern_person_get_image_path (person), ==, "assets/img/anna.jpg");

  susan = get_card (f->store, LECTERN_ROLE_PANELIST, 2);
  person = lectern_card_get_person (susan);
  g_assert_cmpstr (lectern_card_get_slug (susan), ==, "susan");
  g_assert_cmpstr (lectern_person_get_affiliation (person), ==, "");
  g_assert_cmpstr (lectern_person_get_image_path (person), ==, "assets/img/susan.png");

  organizer = get_card (f->store, LECTERN_ROLE_ORGANIZER, 0);
  g_assert_cmpstr (lectern_card_get_slug (organizer), ==, "julien");
  g_assert_cmpstr (lectern_person_get_affiliation (lectern_card_get_person (organizer)), ==,
                   "Hugging Face, ENS");
  g_clear_object (&organizer);
  organizer = get_card (f->store, LECTERN_ROLE_ORGANIZER, 2);
  g_assert_cmpstr (lectern_card_get_slug (organizer), ==, "tri");
  g_assert_cmpstr (lectern_person_get_affiliation (lectern_card_get_person (organizer)), ==,
                   "Stanford University, Princeton University, Together");
  g_assert_cmpstr (lectern_person_get_image_path (lectern_card_get_person (organizer)), ==,
                   "assets/img/tri.jpeg");
}

static void
test_demo_sponsor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(LecternSponsor) together = NULL;

  load_demo (f->store);

  sponsors = lectern_store_list_sponsors (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sponsors), ==, 1);

  together = g_list_model_get_item (sponsors, 0);
  g_assert_cmpstr (lectern_sponsor_get_name (together), ==, "Together");
  g_assert_cmpstr (lectern_sponsor_get_slug (together), ==, "together");
  g_assert_cmpstr (lectern_sponsor_get_url (together), ==, "https://www.together.xyz");
  g_assert_cmpstr (lectern_sponsor_get_logo_path (together), ==, "assets/img/together.png");
  g_assert_cmpstr (lectern_sponsor_get_tier (together), ==, "");
  g_assert_cmpint (lectern_sponsor_get_position (together), ==, 1);
}

static void
test_demo_schedule (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(LecternDay) day = NULL;
  g_autoptr(LecternSlot) first = NULL;
  g_autoptr(LecternSlot) megatron = NULL;
  g_autoptr(LecternSlot) srl = NULL;
  g_autoptr(LecternSlot) typo = NULL;
  g_autoptr(LecternSlot) panel = NULL;
  g_autoptr(LecternSlot) awards = NULL;
  g_autoptr(LecternSlot) party = NULL;
  g_autoptr(LecternSponsor) together = NULL;
  g_autoptr(LecternSession) session = NULL;
  static const char * const panel_people[] = {
    "Anna Goldie", "Rishi Bommasani", "Susan Zhang", "Emily Webber", "James Bradbury",
    "Abhi Venigalla", "Dylan Patel",
  };
  const LecternAppearance *a;
  GPtrArray *appearances;
  int previous_end = 0;

  load_demo (f->store);

  days = lectern_store_list_days (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (days), ==, 1);
  day = g_list_model_get_item (days, 0);
  g_assert_cmpstr (lectern_day_get_date (day), ==, "2023-07-29");

  /* Session I, II, III and the four one-talk contributed sessions. */
  sessions = lectern_store_list_sessions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sessions), ==, 7);

  slots = lectern_store_list_slots (f->store, lectern_day_get_id (day), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (slots), ==, 19);

  /* In time order, back to back, nothing overlapping. */
  for (guint i = 0; i < n_items (slots); i++)
    {
      g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

      g_assert_cmpint (lectern_slot_get_start (slot), >=, previous_end);
      g_assert_cmpint (lectern_slot_get_start (slot) % 5, ==, 0);
      g_assert_cmpint (lectern_slot_get_duration (slot), >, 0);
      previous_end = lectern_slot_get_end (slot);
    }

  first = g_list_model_get_item (slots, 0);
  g_assert_cmpint (lectern_slot_get_start (first), ==, 8 * 60 + 55);
  g_assert_cmpint (lectern_slot_get_duration (first), ==, 5);
  g_assert_cmpint (lectern_slot_get_kind (first), ==, LECTERN_SLOT_REMARKS);
  g_assert_cmpstr (lectern_slot_get_title (first), ==, "Opening remarks");
  g_assert_cmpint (lectern_slot_get_session_id (first), ==, 0);

  megatron = find_slot (slots, "Using Megatron to Train Large Language Models");
  g_assert_cmpint (lectern_slot_get_start (megatron), ==, 9 * 60);
  g_assert_cmpint (lectern_slot_get_kind (megatron), ==, LECTERN_SLOT_TALK);
  session = find_session (f->store, lectern_slot_get_session_id (megatron));
  g_assert_cmpstr (lectern_session_get_title (session), ==,
                   "Session I: Large-Scale Distributed Pretraining");
  g_assert_cmpstr (lectern_session_get_emoji (session), ==, "🔥");
  appearances = lectern_slot_get_appearances (megatron);
  g_assert_cmpuint (appearances->len, ==, 1);
  a = g_ptr_array_index (appearances, 0);
  g_assert_cmpstr (a->name, ==, "Deepak Narayanan");
  g_assert_cmpint (a->role, ==, LECTERN_APPEARANCE_SPEAKER);
  g_assert_null (a->affiliation);
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==, "Microsoft Research");
  g_clear_object (&session);

  /* A contributed talk: a session of its own, by an author with no card. */
  srl = find_slot (slots, "SRL: Scaling Distributed Reinforcement Learning to Over Ten Thousand Cores");
  g_assert_cmpint (lectern_slot_get_kind (srl), ==, LECTERN_SLOT_CONTRIBUTED);
  g_assert_cmpint (lectern_slot_get_start (srl), ==, 10 * 60 + 25);
  session = find_session (f->store, lectern_slot_get_session_id (srl));
  g_assert_cmpstr (lectern_session_get_title (session), ==, "Contributed Talk 1");
  g_assert_cmpstr (lectern_session_get_emoji (session), ==, "🎤");
  appearances = lectern_slot_get_appearances (srl);
  g_assert_cmpuint (appearances->len, ==, 1);
  a = g_ptr_array_index (appearances, 0);
  g_assert_cmpstr (a->name, ==, "Yi Wu");
  g_assert_cmpint (a->role, ==, LECTERN_APPEARANCE_AUTHOR);
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==,
                   "Tsinghua University, Shanghai Qi Zhi Institute");
  g_clear_object (&session);

  /* Titles are the site's, typos included. */
  typo = find_slot (slots, "Efficienly Scaling Transformer Inference");
  g_assert_cmpint (lectern_slot_get_start (typo), ==, 11 * 60 + 25);

  panel = find_slot (slots, "Panel: Large Language Models Tooling Across Industry and Academia");
  g_assert_cmpint (lectern_slot_get_kind (panel), ==, LECTERN_SLOT_PANEL);
  g_assert_cmpstr (lectern_slot_get_emoji (panel), ==, "💬");
  g_assert_cmpint (lectern_slot_get_start (panel), ==, 14 * 60 + 15);
  g_assert_cmpint (lectern_slot_get_duration (panel), ==, 60);
  g_assert_cmpint (lectern_slot_get_session_id (panel), ==, 0);
  appearances = lectern_slot_get_appearances (panel);
  g_assert_cmpuint (appearances->len, ==, G_N_ELEMENTS (panel_people));
  for (guint i = 0; i < appearances->len; i++)
    {
      a = g_ptr_array_index (appearances, i);
      g_assert_cmpstr (a->name, ==, panel_people[i]);
      g_assert_cmpint (a->role, ==, i < 5 ? LECTERN_APPEARANCE_PANELIST : LECTERN_APPEARANCE_MODERATOR);
      /* Only Anna's table affiliation differs from her card. */
      if (i > 0)
        g_assert_null (a->affiliation);
    }
  a = g_ptr_array_index (appearances, 0);
  g_assert_cmpstr (a->affiliation, ==, "Anthropic");
  g_assert_cmpstr (a->person_affiliation, ==, "Stanford University, Anthropic");
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==, "Anthropic");
  a = g_ptr_array_index (appearances, 2);
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==, "");
  a = g_ptr_array_index (appearances, 5);
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==, "Mosaic.ML");

  awards = find_slot (slots, "Awards");
  g_assert_cmpint (lectern_slot_get_kind (awards), ==, LECTERN_SLOT_AWARDS);
  g_assert_cmpstr (lectern_slot_get_emoji (awards), ==, "🏅");
  g_assert_cmpint (lectern_slot_get_start (awards), ==, 16 * 60 + 45);
  g_assert_cmpint (lectern_slot_get_end (awards), ==, 17 * 60 + 15);

  sponsors = lectern_store_list_sponsors (f->store, &error);
  g_assert_no_error (error);
  together = g_list_model_get_item (sponsors, 0);

  party = g_list_model_get_item (slots, n_items (slots) - 1);
  g_assert_cmpstr (lectern_slot_get_title (party), ==, "Post-workshop happy hour");
  g_assert_cmpint (lectern_slot_get_kind (party), ==, LECTERN_SLOT_SOCIAL);
  g_assert_cmpstr (lectern_slot_get_emoji (party), ==, "🎉");
  g_assert_cmpint (lectern_slot_get_start (party), ==, 18 * 60);
  g_assert_cmpint (lectern_slot_get_duration (party), ==, 120);
  g_assert_cmpint (lectern_slot_get_sponsor_id (party), ==, lectern_sponsor_get_id (together));
  g_assert_cmpstr (lectern_slot_get_note (party), ==, "RSVP on Partiful to get a ticket!");
  g_assert_cmpstr (lectern_slot_get_note_link_text (party), ==, "Partiful");
  g_assert_cmpstr (lectern_slot_get_note_url (party), ==,
                   "https://partiful.com/e/h4AW66So2V7DOysQxNkX");
}

/* The demo is what the app ships: it must be in the resource too. */
static void
test_demo_resource (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = demo_text ();

  bytes = g_resources_lookup_data (LECTERN_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, strlen (text));

  g_assert_true (lectern_workshop_loader_load_resource (f->store, LECTERN_DEMO_RESOURCE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_cards (f->store, -1), ==, 21);

  g_assert_false (lectern_workshop_loader_load_resource (f->store, "/io/github/lectern/Lectern/demo/none.yml",
                                                         &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* Loading it again clashes on the sponsor's slug (sponsors come first), and changes nothing. */
static void
test_demo_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = demo_text ();
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) people = NULL;

  load_demo (f->store);

  g_assert_false (load_text (f->store, text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, DEMO_NAME ":"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "together"));
  g_clear_error (&error);

  g_assert_cmpuint (count_cards (f->store, -1), ==, 21);
  people = lectern_store_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (people), ==, 25);
  slots = lectern_store_list_slots (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (slots), ==, 19);
}

/* ------------------------------------------------------------------ */
/* Mistakes                                                            */

typedef struct
{
  const char *name;
  const char *find;     /* in the demo file, exactly once */
  const char *replace;
  const char *expect;   /* in the message */
} Mistake;

static const Mistake mistakes[] = {
  /* Late in the file, after everything else was written. */
  { "unknown-kind", "kind: awards", "kind: prizes", "“prizes”" },
  { "unknown-person", "{person: philippe, role: speaker}", "{person: phillipe, role: speaker}",
    "“phillipe”" },
  { "bad-time", "time: \"16:45\"", "time: \"16:75\"", "“16:75”" },
  { "newer-version", "lectern-workshop: 1", "lectern-workshop: 2", "version 2" },
  { "missing-duration", "{time: \"15:15\", duration: 15, kind: break", "{time: \"15:15\", kind: break",
    "“duration”" },
  { "unknown-sponsor", "sponsor: together, note", "sponsor: togther, note", "“togther”" },
  { "unknown-card-role", "{role: moderator, slug: abhi}", "{role: moderatr, slug: abhi}",
    "“moderatr”" },
  { "unknown-appearance-role", "{person: dylan, role: moderator}", "{person: dylan, role: host}",
    "“host”" },
  { "unknown-field", "duration: 120, kind: social", "duraton: 120, kind: social", "“duraton”" },
  { "duplicate-key", "  - key: daniele\n", "  - key: yi\n", "“yi”" },
  { "bad-date", "- date: \"2023-07-29\"", "- date: \"2023-07-32\"", "“2023-07-32”" },
  { "bad-timezone", "timezone: Pacific/Honolulu", "timezone: Pacific/Hawaii", "“Pacific/Hawaii”" },
  { "bad-slug", "{role: organizer, slug: azalia}", "{role: organizer, slug: Azalia}", "“Azalia”" },
  { "past-midnight", "{time: \"18:00\", duration: 120", "{time: \"18:00\", duration: 400", "happy hour" },
  { "not-yaml", "  - {time: \"08:55\"", "  - {time: \"08:55\" [", "YAML" },
};

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

static void
test_mistake (Fixture       *f,
              gconstpointer  data)
{
  const Mistake *mistake = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = demo_text ();
  g_autofree char *line_tag = NULL;
  g_autoptr(GString) broken = NULL;
  const char *at;
  guint line = 1;

  g_assert_cmpuint (count_occurrences (text, mistake->find), ==, 1);
  at = strstr (text, mistake->find);

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  line_tag = g_strdup_printf (DEMO_NAME ":%u: ", line);

  broken = g_string_new (text);
  g_string_replace (broken, mistake->find, mistake->replace, 1);

  g_assert_false (load_text (f->store, broken->str, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, line_tag));
  g_assert_nonnull (strstr (error->message, mistake->expect));

  assert_store_empty (f->store);
}

/* Small files, each with one mistake on a known line. */
static void
test_small_mistakes (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *text;
    guint       line;
    const char *expect;
  } cases[] = {
    { "", 1, "empty" },
    { "- just\n- a list\n", 1, "lectern-workshop" },
    { "event: {name: X}\n", 1, "lectern-workshop" },
    { "lectern-workshop: one\n", 1, "“one”" },
    { "lectern-workshop: 7\nsomething-new: {}\n", 1, "version 7" },
    { "lectern-workshop: 1\nevent: {name: X}\npeople:\n  - {key: a}\n", 4, "“name”" },
    { "lectern-workshop: 1\nevent: {name: X}\npeople: {key: a}\n", 3, "list" },
    { "lectern-workshop: 1\nevent: {name: X}\n---\nlectern-workshop: 1\n", 4, "more than one" },
    { "lectern-workshop: 1\nevent: {name: \"X\\0Y\"}\n", 2, "NUL" },
    { "lectern-workshop: 1\nevent: {name: X}\nschedule:\n"
      "  - date: \"2023-07-29\"\n    items:\n"
      "      - {session: S, slots: []}\n", 6, "no slots" },
    { "lectern-workshop: 1\nevent: {name: X}\nschedule:\n"
      "  - date: \"2023-07-29\"\n    items:\n"
      "      - {time: \"9:00\", duration: 30, kind: talk, people: [{person: nobody, role: speaker}]}\n",
      6, "“nobody”" },
    { "lectern-workshop: 1\nevent: {name: X}\nschedule:\n"
      "  - date: \"2023-07-29\"\n    items:\n"
      "      - {time: \"9:00\", duration: -5, kind: talk}\n", 6, "“-5”" },
    { "lectern-workshop: 1\nevent: {name: X}\nschedule:\n"
      "  - date: \"2023-07-29\"\n    items:\n"
      "      - {time: \"9.00\", duration: 5, kind: talk}\n", 6, "“9.00”" },
    { "lectern-workshop: 1\nevent: {name: X}\nschedule:\n"
      "  - date: \"2023-07-29\"\n    items:\n"
      "      - {time: \"9:00\", duration: 5, kind: talk, links: [{kind: paper}]}\n", 6, "“url”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *line_tag = g_strdup_printf ("small.yml:%u: ", cases[i].line);

      bytes = g_bytes_new (cases[i].text, strlen (cases[i].text));
      g_assert_false (lectern_workshop_loader_load (f->store, bytes, "small.yml", &error));
      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, line_tag));
      g_assert_nonnull (strstr (error->message, cases[i].expect));

      assert_store_empty (f->store);
    }
}

/* A minimal file, with what the demo does not use. */
static void
test_small_file (Fixture       *f,
                 gconstpointer  data)
{
  static const char text[] =
    "lectern-workshop: 1\n"
    "people:\n"
    "  - key: ada\n"
    "    name: Ada Lovelace\n"
    "    status: confirmed\n"
    "    cards: [{role: speaker}, {role: organizer, slug: ada_org, archived: true}]\n"
    "sponsors:\n"
    "  - {name: Big Compute Inc.}\n"
    "schedule:\n"
    "  - date: \"2024-07-26\"\n"
    "    items:\n"
    "      - time: \"9:30\"\n"
    "        duration: 45\n"
    "        kind: keynote\n"
    "        title: On engines\n"
    "        abstract: |\n"
    "          Two lines\n"
    "          of abstract.\n"
    "        people: [{person: ada, role: speaker, affiliation: Analytical Engines}]\n"
    "        links:\n"
    "          - {kind: slides, url: \"https://example.org/slides.pdf\"}\n"
    "          - {kind: video, url: \"https://example.org/talk\"}\n"
    "        sponsor: big_compute_inc\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(LecternCard) speaker = NULL;
  g_autoptr(LecternCard) organizer = NULL;
  g_autoptr(LecternSponsor) sponsor = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(LecternEvent) event = NULL;
  GPtrArray *links;
  const LecternLink *link;
  const LecternAppearance *a;

  g_assert_true (load_text (f->store, text, &error));
  g_assert_no_error (error);

  /* No event: the event is left as it was. */
  event = lectern_store_get_event (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_name (event), ==, "");

  speaker = get_card (f->store, LECTERN_ROLE_SPEAKER, 0);
  g_assert_cmpstr (lectern_card_get_slug (speaker), ==, "ada");
  g_assert_cmpstr (lectern_person_get_first_name (lectern_card_get_person (speaker)), ==, "Ada");
  g_assert_cmpstr (lectern_person_get_family_name (lectern_card_get_person (speaker)), ==, "Lovelace");
  g_assert_cmpint (lectern_person_get_status (lectern_card_get_person (speaker)), ==,
                   LECTERN_STATUS_CONFIRMED);
  g_assert_false (lectern_card_get_archived (speaker));
  organizer = get_card (f->store, LECTERN_ROLE_ORGANIZER, 0);
  g_assert_cmpstr (lectern_card_get_slug (organizer), ==, "ada_org");
  g_assert_true (lectern_card_get_archived (organizer));

  sponsors = lectern_store_list_sponsors (f->store, &error);
  g_assert_no_error (error);
  sponsor = g_list_model_get_item (sponsors, 0);
  g_assert_cmpstr (lectern_sponsor_get_slug (sponsor), ==, "big_compute_inc");

  slots = lectern_store_list_slots (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (slots), ==, 1);
  slot = g_list_model_get_item (slots, 0);
  g_assert_cmpint (lectern_slot_get_start (slot), ==, 9 * 60 + 30);
  g_assert_cmpint (lectern_slot_get_kind (slot), ==, LECTERN_SLOT_KEYNOTE);
  g_assert_cmpstr (lectern_slot_get_abstract (slot), ==, "Two lines\nof abstract.\n");
  g_assert_cmpint (lectern_slot_get_sponsor_id (slot), ==, lectern_sponsor_get_id (sponsor));
  a = g_ptr_array_index (lectern_slot_get_appearances (slot), 0);
  g_assert_cmpstr (lectern_appearance_get_affiliation (a), ==, "Analytical Engines");
  links = lectern_slot_get_links (slot);
  g_assert_cmpuint (links->len, ==, 2);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpstr (link->kind, ==, "slides");
  g_assert_cmpstr (link->url, ==, "https://example.org/slides.pdf");
  link = g_ptr_array_index (links, 1);
  g_assert_cmpstr (link->kind, ==, "video");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/workshop-loader/demo/event", test_demo_event);
  ADD ("/workshop-loader/demo/cards", test_demo_cards);
  ADD ("/workshop-loader/demo/sponsor", test_demo_sponsor);
  ADD ("/workshop-loader/demo/schedule", test_demo_schedule);
  ADD ("/workshop-loader/demo/resource", test_demo_resource);
  ADD ("/workshop-loader/demo/twice", test_demo_twice);
  ADD ("/workshop-loader/small-file", test_small_file);
  ADD ("/workshop-loader/small-mistakes", test_small_mistakes);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/workshop-loader/mistake/%s", mistakes[i].name);

      g_test_add (path, Fixture, &mistakes[i], fixture_set_up, test_mistake, fixture_tear_down);
    }

  return g_test_run ();
}
