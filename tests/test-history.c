/* test-history.c: undo and redo, kept in the workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lectern-store.h"
#include "lectern-test-util.h"

/* f->dir, a new folder; f->path, the workshop file a test makes there */
typedef LecternTestWorkshop Fixture;

/* ------------------------------------------------------------------ */
/* Snapshots: every field of every row, as the store lists them, but
 * the revs (which an undo must move forward, never back).
 */

static void
dump_object (GString *out,
             GObject *object)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs = 0;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_specs);
  g_string_append_printf (out, "%s {", G_OBJECT_TYPE_NAME (object));

  for (guint i = 0; i < n_specs; i++)
    {
      GParamSpec *spec = specs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (spec->name, "rev"))
        continue;

      g_value_init (&value, spec->value_type);
      g_object_get_property (object, spec->name, &value);
      g_string_append_printf (out, " %s=", spec->name);

      if (G_VALUE_HOLDS_STRING (&value))
        g_string_append_printf (out, "\"%s\"", g_value_get_string (&value) ? g_value_get_string (&value) : "(null)");
      else if (G_VALUE_HOLDS (&value, G_TYPE_BYTES))
        {
          GBytes *bytes = g_value_get_boxed (&value);

          if (bytes == NULL)
            g_string_append (out, "(no bytes)");
          else
            {
              g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);

              g_string_append (out, sum);
            }
        }
      else if (G_VALUE_HOLDS_OBJECT (&value))
        {
          if (g_value_get_object (&value) != NULL)
            dump_object (out, g_value_get_object (&value));
        }
      else
        {
          g_auto(GValue) text = G_VALUE_INIT;

          g_value_init (&text, G_TYPE_STRING);
          g_assert_true (g_value_transform (&value, &text));
          g_string_append (out, g_value_get_string (&text));
        }
    }

  g_string_append (out, " }\n");
}

static void
dump_list (GString    *out,
           GListModel *list)
{
  g_assert_nonnull (list);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      dump_object (out, item);
      if (LECTERN_IS_SLOT (item))
        {
          GPtrArray *appearances = lectern_slot_get_appearances (LECTERN_SLOT (item));
          GPtrArray *links = lectern_slot_get_links (LECTERN_SLOT (item));

          for (guint j = 0; j < appearances->len; j++)
            {
              const LecternAppearance *a = g_ptr_array_index (appearances, j);

              g_string_append_printf (out, "  appearance %" G_GINT64_FORMAT " %d %s\n",
                                      a->person_id, a->role, a->affiliation ? a->affiliation : "-");
            }
          for (guint j = 0; j < links->len; j++)
            {
              const LecternLink *l = g_ptr_array_index (links, j);

              g_string_append_printf (out, "  link %s %s\n", l->kind, l->url);
            }
        }
    }
}

static char *
snapshot (LecternStore *store)
{
  g_autoptr(LecternEvent) event = lectern_store_get_event (store, NULL);
  g_autoptr(GListModel) people = lectern_store_list_people (store, NULL);
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, -1, NULL);
  g_autoptr(GListModel) sponsors = lectern_store_list_sponsors (store, NULL);
  g_autoptr(GListModel) days = lectern_store_list_days (store, NULL);
  g_autoptr(GListModel) sessions = lectern_store_list_sessions (store, NULL);
  g_autoptr(GListModel) slots = lectern_store_list_slots (store, 0, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (event);
  dump_object (out, G_OBJECT (event));
  dump_list (out, people);
  dump_list (out, cards);
  dump_list (out, sponsors);
  dump_list (out, days);
  dump_list (out, sessions);
  dump_list (out, slots);

  return g_string_free (out, FALSE);
}

static gint64
person_rev (LecternStore *store,
            gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) person = lectern_store_get_person (store, id, &error);

  g_assert_no_error (error);
  return lectern_person_get_rev (person);
}

#define ASSERT_UNDO_LABEL(store, expected) \
  G_STMT_START { \
    g_autofree char *label_ = lectern_store_get_undo_label (store); \
    g_assert_cmpstr (label_, ==, expected); \
  } G_STMT_END

#define ASSERT_REDO_LABEL(store, expected) \
  G_STMT_START { \
    g_autofree char *label_ = lectern_store_get_redo_label (store); \
    g_assert_cmpstr (label_, ==, expected); \
  } G_STMT_END

#define ASSERT_SNAPSHOT(store, expected) \
  G_STMT_START { \
    g_autofree char *now_ = snapshot (store); \
    g_assert_cmpstr (now_, ==, expected); \
  } G_STMT_END

static void
undo_ok (LecternStore *store)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = lectern_store_undo (store, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
redo_ok (LecternStore *store)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = lectern_store_redo (store, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static LecternStore *
open_as (const char *path,
         const char *actor)
{
  g_autoptr(GError) error = NULL;
  LecternStore *store = lectern_store_open (path, &error);

  g_assert_no_error (error);
  lectern_store_set_actor (store, actor);
  return store;
}

/* A small workshop with a bit of everything, made without history. */
static LecternStore *
create_workshop (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_store_create (path, "ES-FoMo 2026", &error);
  g_autoptr(LecternPerson) percy = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternCard) c1 = NULL;
  g_autoptr(LecternCard) c2 = NULL;
  g_autoptr(LecternDay) day = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG fake photo", 15);

  g_assert_no_error (error);
  lectern_store_set_actor (store, "setup");

  percy = lectern_test_add_person (store, "Percy Liang", "Stanford University");
  tri = lectern_person_new ();
  lectern_person_set_name (tri, "Tri Dao");
  lectern_person_set_affiliation (tri, "Princeton, Together AI");
  lectern_person_set_photo (tri, photo);
  lectern_person_set_email (tri, "tri@example.org");
  lectern_person_set_status (tri, LECTERN_STATUS_CONFIRMED);
  lectern_person_set_notes (tri, "Needs a projector adapter");
  g_assert_true (lectern_store_add_person (store, tri, &error));
  g_assert_no_error (error);

  c1 = lectern_store_add_card (store, percy, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  c2 = lectern_store_add_card (store, tri, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);

  lectern_sponsor_set_name (sponsor, "Together AI");
  g_assert_true (lectern_store_add_sponsor (store, sponsor, &error));
  g_assert_no_error (error);

  day = lectern_store_add_day (store, "2026-07-18", &error);
  g_assert_no_error (error);
  slot = lectern_slot_new ();
  lectern_slot_set_day_id (slot, lectern_day_get_id (day));
  lectern_slot_set_start (slot, 9 * 60);
  lectern_slot_set_duration (slot, 30);
  lectern_slot_set_kind (slot, LECTERN_SLOT_KEYNOTE);
  lectern_slot_set_title (slot, "Hardware-aware attention");
  lectern_slot_set_sponsor_id (slot, lectern_sponsor_get_id (sponsor));
  lectern_slot_add_appearance (slot, lectern_person_get_id (tri), LECTERN_APPEARANCE_SPEAKER, NULL);
  lectern_slot_add_link (slot, "slides", "https://example.org/slides.pdf");
  g_assert_true (lectern_store_add_slot (store, slot, &error));
  g_assert_no_error (error);

  /* the set-up is not anybody's to undo in these tests */
  lectern_test_sql_exec (path, "DELETE FROM history");

  return g_steal_pointer (&store);
}

static LecternCard *
find_card (LecternStore *store,
           const char   *slug)
{
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, -1, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (lectern_card_get_slug (card), slug) == 0)
        return g_steal_pointer (&card);
    }

  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ */

/* A new file has nothing to undo, and neither has its creation. */
static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_store_create (f->path, "Title", &error);

  g_assert_no_error (error);
  g_assert_cmpint (lectern_store_get_schema_version (store), ==, LECTERN_SCHEMA_VERSION);
  g_assert_false (lectern_store_can_undo (store));
  g_assert_false (lectern_store_can_redo (store));
  g_assert_null (lectern_store_get_undo_label (store));
  g_assert_false (lectern_store_undo (store, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lectern_store_redo (store, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND);

  /* the default actor is user@host */
  g_assert_nonnull (strchr (lectern_store_get_actor (store), '@'));
  lectern_store_set_actor (store, "alice");
  g_assert_cmpstr (lectern_store_get_actor (store), ==, "alice");
  lectern_store_set_actor (store, NULL);
  g_assert_true (g_str_has_prefix (lectern_store_get_actor (store), g_get_user_name ()));
}

/* The rows of @table the last undo or redo wrote: just @id, or none. */
static void
assert_stepped (LecternStore *store,
                const char   *table,
                gint64        id)
{
  g_autoptr(GArray) ids = lectern_store_get_stepped_ids (store, table);

  if (id == 0)
    {
      g_assert_cmpuint (ids->len, ==, 0);
      return;
    }

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
}

/* Add, edit, remove: each undo puts back exactly the rows before the
 * step, each redo exactly the rows after it.
 */
static void
test_add_edit_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) ce = NULL;
  g_autoptr(LecternPerson) edited = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("JPEG", 4);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;

  lectern_store_set_actor (store, "alice");
  s0 = snapshot (store);

  ce = lectern_test_add_person (store, "Ce Zhang", "ETH Zürich");
  s1 = snapshot (store);
  ASSERT_UNDO_LABEL (store, "Add “Ce Zhang”");

  edited = lectern_store_get_person (store, lectern_person_get_id (ce), &error);
  g_assert_no_error (error);
  lectern_person_set_affiliation (edited, "Together AI");
  lectern_person_set_photo (edited, photo);
  lectern_person_set_notes (edited, "Moved to industry");
  g_assert_true (lectern_store_update_person (store, edited, &error));
  g_assert_no_error (error);
  s2 = snapshot (store);
  ASSERT_UNDO_LABEL (store, "Edit “Ce Zhang”");

  event = lectern_store_get_event (store, &error);
  g_assert_no_error (error);
  lectern_event_set_venue (event, "Vienna");
  g_assert_true (lectern_store_update_event (store, event, &error));
  g_assert_no_error (error);
  s3 = snapshot (store);
  ASSERT_UNDO_LABEL (store, "Edit event details");

  g_assert_true (lectern_store_remove_person (store, edited, &error));
  g_assert_no_error (error);
  s4 = snapshot (store);
  ASSERT_UNDO_LABEL (store, "Remove “Ce Zhang”");
  g_assert_false (lectern_store_can_redo (store));

  g_assert_cmpstr (s0, !=, s1);
  g_assert_cmpstr (s1, !=, s2);
  g_assert_cmpstr (s2, !=, s3);
  g_assert_cmpstr (s3, !=, s4);

  undo_ok (store);
  ASSERT_SNAPSHOT (store, s3);
  ASSERT_REDO_LABEL (store, "Remove “Ce Zhang”");
  /* the undo says which rows it put back, for the views to show */
  assert_stepped (store, "person", lectern_person_get_id (ce));
  assert_stepped (store, "sponsor", 0);
  undo_ok (store);
  ASSERT_SNAPSHOT (store, s2);
  assert_stepped (store, "event", 1);  /* the file's one event row */
  assert_stepped (store, "person", 0);
  undo_ok (store);
  assert_stepped (store, "person", lectern_person_get_id (ce));
  ASSERT_SNAPSHOT (store, s1);
  undo_ok (store);
  ASSERT_SNAPSHOT (store, s0);
  g_assert_false (lectern_store_can_undo (store));
  ASSERT_REDO_LABEL (store, "Add “Ce Zhang”");

  redo_ok (store);
  ASSERT_SNAPSHOT (store, s1);
  redo_ok (store);
  ASSERT_SNAPSHOT (store, s2);
  redo_ok (store);
  ASSERT_SNAPSHOT (store, s3);
  redo_ok (store);
  ASSERT_SNAPSHOT (store, s4);
  g_assert_false (lectern_store_can_redo (store));

  assert_stepped (store, "person", 0);

  /* and back again: undo of a redo is an undo */
  undo_ok (store);
  ASSERT_SNAPSHOT (store, s3);
  undo_ok (store);
  ASSERT_SNAPSHOT (store, s2);

  problems = lectern_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Removing a person removes their cards, appearances on the schedule
 * (cascades); removing a sponsor unsponsors its slot. Undo puts all of
 * it back, with the same ids.
 */
static void
test_cascades (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternSponsor) sponsor = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  lectern_store_set_actor (store, "alice");
  before = snapshot (store);

  tri = lectern_test_find_person (store, "Tri Dao");
  g_assert_true (lectern_store_remove_person (store, tri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM appearance"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM card"), ==, 1);

  {
    g_autoptr(GListModel) sponsors = lectern_store_list_sponsors (store, NULL);

    sponsor = g_list_model_get_item (sponsors, 0);
  }
  g_assert_true (lectern_store_remove_sponsor (store, sponsor, &error));
  g_assert_no_error (error);
  ASSERT_UNDO_LABEL (store, "Remove “Together AI”");
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM slot WHERE sponsor_id IS NULL"), ==, 1);

  card = find_card (store, "percy");
  g_assert_true (lectern_store_remove_card (store, card, &error));
  g_assert_no_error (error);
  ASSERT_UNDO_LABEL (store, "Remove “Percy Liang” from Speakers");
  after = snapshot (store);

  undo_ok (store);
  undo_ok (store);
  undo_ok (store);
  ASSERT_SNAPSHOT (store, before);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM appearance"), ==, 1);

  problems = lectern_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  redo_ok (store);
  redo_ok (store);
  redo_ok (store);
  ASSERT_SNAPSHOT (store, after);
}

/* A reorder is one step; undo restores every position. */
static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternCard) tri = NULL;
  g_autoptr(LecternCard) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  lectern_store_set_actor (store, "alice");
  before = snapshot (store);

  tri = find_card (store, "tri");
  g_assert_cmpint (lectern_card_get_position (tri), ==, 2);
  g_assert_true (lectern_store_move_card (store, tri, 0, &error));
  g_assert_no_error (error);
  ASSERT_UNDO_LABEL (store, "Move “Tri Dao”");
  after = snapshot (store);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM history WHERE actor = 'alice'"), ==, 1);

  undo_ok (store);
  ASSERT_SNAPSHOT (store, before);
  again = find_card (store, "tri");
  g_assert_cmpint (lectern_card_get_position (again), ==, 2);

  redo_ok (store);
  ASSERT_SNAPSHOT (store, after);

  /* a move that changes nothing is no step */
  g_clear_object (&again);
  again = find_card (store, "tri");
  g_assert_true (lectern_store_move_card (store, again, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM history WHERE actor = 'alice'"), ==, 1);
}

/* The history is in the file: close, reopen, undo; close, reopen, redo. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) ce = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  lectern_store_set_actor (store, "alice");
  before = snapshot (store);
  ce = lectern_test_add_person (store, "Ce Zhang", "ETH Zürich");
  after = snapshot (store);
  g_clear_object (&store);

  store = open_as (f->path, "alice");
  g_assert_true (lectern_store_can_undo (store));
  ASSERT_UNDO_LABEL (store, "Add “Ce Zhang”");
  undo_ok (store);
  ASSERT_SNAPSHOT (store, before);
  g_clear_object (&store);

  store = open_as (f->path, "alice");
  g_assert_false (lectern_store_can_undo (store));
  g_assert_true (lectern_store_can_redo (store));
  redo_ok (store);
  ASSERT_SNAPSHOT (store, after);
  g_clear_object (&store);

  /* someone else opening the file has nothing of Alice's to undo */
  store = open_as (f->path, "bob");
  g_assert_false (lectern_store_can_undo (store));
  g_assert_false (lectern_store_can_redo (store));
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_changes (LecternStore   *store,
               LecternChanges *changes,
               guint          *count)
{
  g_assert_nonnull (changes);
  (*count)++;
}

/* Two organizers on two connections: each undo reverts only one's own
 * steps, and the other's edits stay.
 */
static void
test_two_actors (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) setup = create_workshop (f->path);
  g_autoptr(LecternStore) alice = open_as (f->path, "alice");
  g_autoptr(LecternStore) bob = open_as (f->path, "bob");
  g_autoptr(LecternPerson) a1 = NULL;
  g_autoptr(LecternPerson) b1 = NULL;
  g_autoptr(LecternPerson) a2 = NULL;
  g_autoptr(LecternPerson) percy = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autofree char *with_everything = NULL;
  guint alice_history = 0;
  guint alice_changed = 0;

  g_signal_connect (alice, "history-changed", G_CALLBACK (count_signal), &alice_history);
  g_signal_connect (alice, "changed", G_CALLBACK (count_changes), &alice_changed);

  a1 = lectern_test_add_person (alice, "Alice One", NULL);
  g_assert_cmpuint (alice_history, ==, 1);
  b1 = lectern_test_add_person (bob, "Bob One", NULL);
  a2 = lectern_test_add_person (alice, "Alice Two", NULL);
  g_assert_cmpuint (alice_history, ==, 2);

  /* Bob's edit of an unrelated row does not stand in Alice's way */
  percy = lectern_test_find_person (bob, "Percy Liang");
  lectern_person_set_homepage (percy, "https://cs.stanford.edu/~pliang/");
  g_assert_true (lectern_store_update_person (bob, percy, &error));
  g_assert_no_error (error);

  /* Alice sees Bob's commits as changes (history-changed included) */
  g_assert_true (lectern_store_poll_changes (alice));
  g_assert_cmpuint (alice_history, ==, 3);
  alice_changed = 0;

  ASSERT_UNDO_LABEL (alice, "Add “Alice Two”");
  ASSERT_UNDO_LABEL (bob, "Edit “Percy Liang”");
  with_everything = snapshot (alice);

  undo_ok (alice);
  g_assert_cmpuint (alice_changed, ==, 1);
  g_assert_cmpuint (alice_history, ==, 4);
  ASSERT_UNDO_LABEL (alice, "Add “Alice One”");
  undo_ok (alice);
  g_assert_false (lectern_store_can_undo (alice));

  people = lectern_store_list_people (bob, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_clear_object (&percy);
  percy = lectern_test_find_person (bob, "Percy Liang");
  g_assert_cmpstr (lectern_person_get_homepage (percy), ==, "https://cs.stanford.edu/~pliang/");
  (void) lectern_test_find_person (bob, "Bob One");
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person WHERE name LIKE 'Alice%'"), ==, 0);

  /* Bob's own history is untouched by Alice's undos */
  ASSERT_UNDO_LABEL (bob, "Edit “Percy Liang”");
  undo_ok (bob);
  ASSERT_UNDO_LABEL (bob, "Add “Bob One”");
  undo_ok (bob);
  g_clear_object (&percy);
  percy = lectern_test_find_person (bob, "Percy Liang");
  g_assert_cmpstr (lectern_person_get_homepage (percy), ==, "");
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person"), ==, 2);

  /* and both redo their own */
  redo_ok (alice);
  redo_ok (alice);
  redo_ok (bob);
  redo_ok (bob);
  ASSERT_SNAPSHOT (alice, with_everything);
}

/* Undoing a step whose row a colleague changed since is refused, and
 * both edits stay; likewise an undone addition that a colleague's row
 * now refers to.
 */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) setup = create_workshop (f->path);
  g_autoptr(LecternStore) alice = open_as (f->path, "alice");
  g_autoptr(LecternStore) bob = open_as (f->path, "bob");
  g_autoptr(LecternPerson) a = NULL;
  g_autoptr(LecternPerson) b = NULL;
  g_autoptr(LecternPerson) now = NULL;
  g_autoptr(LecternPerson) ce = NULL;
  g_autoptr(LecternPerson) ce_bob = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(LecternCard) org = NULL;
  g_autoptr(LecternCard) taken = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *both = NULL;

  a = lectern_test_find_person (alice, "Percy Liang");
  lectern_person_set_affiliation (a, "Stanford University, Together AI");
  g_assert_true (lectern_store_update_person (alice, a, &error));
  g_assert_no_error (error);

  /* Bob reads the person after Alice's edit and edits another field */
  b = lectern_test_find_person (bob, "Percy Liang");
  lectern_person_set_notes (b, "Confirmed by mail");
  g_assert_true (lectern_store_update_person (bob, b, &error));
  g_assert_no_error (error);
  both = snapshot (alice);

  g_assert_false (lectern_store_undo (alice, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Cannot undo this step (Edit “Percy Liang”)"));
  g_clear_error (&error);

  ASSERT_SNAPSHOT (alice, both);
  now = lectern_test_find_person (alice, "Percy Liang");
  g_assert_cmpstr (lectern_person_get_affiliation (now), ==, "Stanford University, Together AI");
  g_assert_cmpstr (lectern_person_get_notes (now), ==, "Confirmed by mail");
  g_assert_cmpint (lectern_person_get_rev (now), ==, lectern_person_get_rev (b));

  /* the step is still Alice's to undo (it was not marked undone) */
  ASSERT_UNDO_LABEL (alice, "Edit “Percy Liang”");
  g_assert_false (lectern_store_can_redo (alice));

  /* Alice adds a person, Bob gives them a card: undoing the addition
   * would leave Bob's card without its person
   */
  ce = lectern_test_add_person (alice, "Ce Zhang", "ETH Zürich");
  ce_bob = lectern_test_find_person (bob, "Ce Zhang");
  card = lectern_store_add_card (bob, ce_bob, LECTERN_ROLE_ORGANIZER, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&both, g_free);
  both = snapshot (alice);

  g_assert_false (lectern_store_undo (alice, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Add “Ce Zhang”"));
  g_clear_error (&error);
  ASSERT_SNAPSHOT (alice, both);
  problems = lectern_store_check (alice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* foreign keys are on again on Alice's connection: a card for nobody is refused */
  {
    g_autoptr(LecternPerson) ghost = lectern_person_new ();
    g_autoptr(LecternCard) bad = NULL;

    lectern_person_set_id (ghost, 999999);
    lectern_person_set_name (ghost, "Ghost");
    bad = lectern_store_add_card (alice, ghost, LECTERN_ROLE_SPEAKER, "ghost", &error);
    g_assert_null (bad);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* Bob undoes his card; now Alice's undo goes through */
  undo_ok (bob);
  undo_ok (alice);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person WHERE name = 'Ce Zhang'"), ==, 0);

  /* a redo is refused the same way: Alice gives Percy an organizer
   * card and undoes it; Bob takes its file name meanwhile
   */
  org = lectern_store_add_card (alice, now, LECTERN_ROLE_ORGANIZER, "pl", &error);
  g_assert_no_error (error);
  undo_ok (alice);
  ASSERT_REDO_LABEL (alice, "Add “Percy Liang”");
  {
    g_autoptr(LecternPerson) dan = lectern_test_add_person (bob, "Dan Fu", NULL);

    taken = lectern_store_add_card (bob, dan, LECTERN_ROLE_SPEAKER, "pl", &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&both, g_free);
  both = snapshot (alice);
  g_assert_false (lectern_store_redo (alice, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Cannot redo this step (Add “Percy Liang”)"));
  g_clear_error (&error);
  ASSERT_SNAPSHOT (alice, both);
  g_assert_true (lectern_store_can_redo (alice));

  /* once Bob gives the name back, the redo goes through */
  undo_ok (bob);
  redo_ok (alice);
  g_clear_object (&org);
  org = find_card (alice, "pl");
  g_assert_cmpint (lectern_card_get_role (org), ==, LECTERN_ROLE_ORGANIZER);
}

/* A new step truncates the actor's redo. */
static void
test_redo_truncated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternStore) bob = open_as (f->path, "bob");
  g_autoptr(LecternPerson) p1 = NULL;
  g_autoptr(LecternPerson) p2 = NULL;
  g_autoptr(LecternPerson) p3 = NULL;
  g_autoptr(LecternPerson) pb = NULL;

  lectern_store_set_actor (store, "alice");
  p1 = lectern_test_add_person (store, "One", NULL);
  p2 = lectern_test_add_person (store, "Two", NULL);

  /* Bob undoes and keeps a redo */
  pb = lectern_test_add_person (bob, "Bob", NULL);
  undo_ok (bob);
  g_assert_true (lectern_store_can_redo (bob));

  undo_ok (store);
  ASSERT_REDO_LABEL (store, "Add “Two”");
  undo_ok (store);
  ASSERT_REDO_LABEL (store, "Add “One”");

  p3 = lectern_test_add_person (store, "Three", NULL);
  g_assert_false (lectern_store_can_redo (store));
  g_assert_null (lectern_store_get_redo_label (store));
  g_assert_false (lectern_store_redo (store, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ASSERT_UNDO_LABEL (store, "Add “Three”");
  undo_ok (store);
  g_assert_false (lectern_store_can_undo (store));
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM history WHERE actor = 'alice'"), ==, 1);

  /* Alice's new step did not truncate Bob's redo */
  g_assert_true (lectern_store_can_redo (bob));
  redo_ok (bob);
  (void) lectern_test_find_person (store, "Bob");
}

/* ABA: edit, undo, edit. Undo gives the row back its old values with
 * its old rev; the next edit takes a rev above every rev ever written,
 * never the undone edit's, so a copy of the undone version cannot be
 * saved over the new one. And a copy read before the edit is a copy of
 * what is there again after the undo: it may be saved.
 */
static void
test_aba (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternStore) bob = open_as (f->path, "bob");
  g_autoptr(LecternPerson) original = NULL;
  g_autoptr(LecternPerson) edit = NULL;
  g_autoptr(LecternPerson) bobs = NULL;
  g_autoptr(LecternPerson) now = NULL;
  gint64 id;
  gint64 r0, r1, r2, r3;

  lectern_store_set_actor (store, "alice");
  original = lectern_test_find_person (store, "Percy Liang");
  id = lectern_person_get_id (original);
  r0 = lectern_person_get_rev (original);

  edit = lectern_person_copy (original);
  lectern_person_set_affiliation (edit, "Together AI");
  g_assert_true (lectern_store_update_person (store, edit, &error));
  g_assert_no_error (error);
  r1 = person_rev (store, id);
  g_assert_cmpint (r1, >, r0);
  g_assert_cmpint (lectern_person_get_rev (edit), ==, r1);

  /* Bob reads the edited version */
  bobs = lectern_test_find_person (bob, "Percy Liang");
  g_assert_cmpint (lectern_person_get_rev (bobs), ==, r1);

  undo_ok (store);
  g_assert_cmpint (person_rev (store, id), ==, r0);
  now = lectern_store_get_person (store, id, &error);
  g_assert_cmpstr (lectern_person_get_affiliation (now), ==, "Stanford University");

  /* Alice edits again, from the copy she read before the first edit */
  lectern_person_set_bio (original, "Director of CRFM");
  g_assert_true (lectern_store_update_person (store, original, &error));
  g_assert_no_error (error);
  r2 = person_rev (store, id);
  g_assert_cmpint (r2, >, r1);
  g_assert_false (lectern_store_can_redo (store));

  /* Bob's copy of the undone version (r1) is stale: refused */
  lectern_person_set_notes (bobs, "would lose Alice's bio");
  g_assert_false (lectern_store_update_person (bob, bobs, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* so is Alice's own copy of it */
  g_assert_false (lectern_store_update_person (store, edit, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_object (&now);
  now = lectern_store_get_person (store, id, &error);
  g_assert_cmpstr (lectern_person_get_bio (now), ==, "Director of CRFM");
  g_assert_cmpstr (lectern_person_get_affiliation (now), ==, "Stanford University");
  g_assert_cmpstr (lectern_person_get_notes (now), ==, "");

  /* and again: undo the second edit, redo it, edit once more */
  undo_ok (store);
  g_assert_cmpint (person_rev (store, id), ==, r0);
  redo_ok (store);
  g_assert_cmpint (person_rev (store, id), ==, r2);
  g_clear_object (&now);
  now = lectern_store_get_person (store, id, &error);
  lectern_person_set_homepage (now, "https://cs.stanford.edu/~pliang/");
  g_assert_true (lectern_store_update_person (store, now, &error));
  g_assert_no_error (error);
  r3 = person_rev (store, id);
  g_assert_cmpint (r3, >, r2);

  /* the counter is above every rev ever written */
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT value FROM meta WHERE key = 'rev'"), ==, r3);
}

/* Ids are not reused, so an undone removal comes back even after a
 * colleague added a row of the same kind meanwhile.
 */
static void
test_ids_not_reused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) alice = create_workshop (f->path);
  g_autoptr(LecternStore) bob = open_as (f->path, "bob");
  g_autoptr(LecternPerson) ce = NULL;
  g_autoptr(LecternPerson) other = NULL;
  gint64 ce_id;

  lectern_store_set_actor (alice, "alice");
  ce = lectern_test_add_person (alice, "Ce Zhang", NULL);
  ce_id = lectern_person_get_id (ce);
  g_assert_true (lectern_store_remove_person (alice, ce, &error));
  g_assert_no_error (error);

  other = lectern_test_add_person (bob, "Dan Fu", NULL);
  g_assert_cmpint (lectern_person_get_id (other), >, ce_id);

  undo_ok (alice);
  g_clear_object (&ce);
  ce = lectern_store_get_person (alice, ce_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_person_get_name (ce), ==, "Ce Zhang");
  (void) lectern_test_find_person (alice, "Dan Fu");
}

/* One action, one step: named by begin_action, or after its edits. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) p = NULL;
  g_autoptr(LecternPerson) q = NULL;
  g_autoptr(LecternPerson) r = NULL;
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autofree char *before = NULL;
  guint history_changed = 0;

  lectern_store_set_actor (store, "alice");
  g_signal_connect (store, "history-changed", G_CALLBACK (count_signal), &history_changed);
  before = snapshot (store);

  g_assert_true (lectern_store_begin_action (store, "Import speakers", &error));
  p = lectern_test_add_person (store, "Dan Fu", NULL);
  card = lectern_store_add_card (store, p, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  q = lectern_test_add_person (store, "Beidi Chen", NULL);
  g_assert_cmpuint (history_changed, ==, 0);
  g_assert_true (lectern_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history_changed, ==, 1);
  ASSERT_UNDO_LABEL (store, "Import speakers");
  undo_ok (store);
  ASSERT_SNAPSHOT (store, before);
  g_assert_false (lectern_store_can_undo (store));
  redo_ok (store);

  /* unnamed: the edits name it */
  g_clear_object (&p);
  g_clear_object (&card);
  g_assert_true (lectern_store_begin (store, &error));
  p = lectern_test_add_person (store, "Simran Arora", NULL);
  card = lectern_store_add_card (store, p, LECTERN_ROLE_ORGANIZER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_commit (store, &error));
  ASSERT_UNDO_LABEL (store, "Add “Simran Arora”");

  g_assert_true (lectern_store_begin (store, &error));
  r = lectern_test_add_person (store, "Avanika Narayan", NULL);
  event = lectern_store_get_event (store, &error);
  lectern_event_set_room (event, "Hall A");
  g_assert_true (lectern_store_update_event (store, event, &error));
  g_assert_true (lectern_store_commit (store, &error));
  ASSERT_UNDO_LABEL (store, "Add “Avanika Narayan” and 1 other change");

  /* a rolled-back action is no step */
  history_changed = 0;
  g_assert_true (lectern_store_begin_action (store, "Nothing", &error));
  g_clear_object (&r);
  r = lectern_test_add_person (store, "Rolled Back", NULL);
  lectern_store_rollback (store);
  ASSERT_UNDO_LABEL (store, "Add “Avanika Narayan” and 1 other change");
  g_assert_cmpuint (history_changed, ==, 0);

  /* nor is an action that changes nothing */
  g_assert_true (lectern_store_begin_action (store, "Nothing either", &error));
  g_assert_true (lectern_store_commit (store, &error));
  ASSERT_UNDO_LABEL (store, "Add “Avanika Narayan” and 1 other change");
  g_assert_cmpuint (history_changed, ==, 0);
}

/* A version-2 file is backed up and upgraded: its data are kept, its
 * revs stay below every new one, and it starts with no history.
 */
static void
test_migrate_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) old = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternPerson) added = NULL;
  g_autoptr(GListModel) cards = NULL;
  const char *backup;

  old = _lectern_store_create_at_version (f->path, 2, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  lectern_test_sql_exec (f->path,
            "INSERT INTO person (id, rev, name, first_name, family_name, affiliation, email, status)"
            " VALUES (7, 41, 'Tri Dao', 'Tri', 'Dao', 'Together', 'tri@example.org', 'confirmed');"
            "INSERT INTO card (id, rev, person_id, role, slug, position) VALUES (12, 3, 7, 'speaker', 'tri', 1);"
            "UPDATE event SET rev = 5, name = 'ES-FoMo 2025';");
  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA user_version"), ==, 2);

  store = open_as (f->path, "alice");
  g_assert_cmpint (lectern_store_get_schema_version (store), ==, LECTERN_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA user_version"), ==, LECTERN_SCHEMA_VERSION);

  backup = lectern_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_suffix (backup, ".v2.bak"));
  g_assert_cmpint (lectern_test_sql_int (backup, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (lectern_test_sql_int (backup, "SELECT COUNT (*) FROM person"), ==, 1);

  /* the data are there, the counters above them, no history yet */
  tri = lectern_store_get_person (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_person_get_email (tri), ==, "tri@example.org");
  g_assert_cmpint (lectern_person_get_rev (tri), ==, 41);
  cards = lectern_store_list_cards (store, -1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT value FROM meta WHERE key = 'rev'"), ==, 42);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT value FROM meta WHERE key = 'last_id'"), ==, 12);
  g_assert_false (lectern_store_can_undo (store));

  /* edits after the upgrade are undoable, with revs above the old ones */
  lectern_person_set_affiliation (tri, "Princeton");
  g_assert_true (lectern_store_update_person (store, tri, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lectern_person_get_rev (tri), >, 41);
  added = lectern_test_add_person (store, "Dan Fu", NULL);
  g_assert_cmpint (lectern_person_get_id (added), >, 12);
  undo_ok (store);
  undo_ok (store);
  g_clear_object (&tri);
  tri = lectern_store_get_person (store, 7, &error);
  g_assert_cmpstr (lectern_person_get_affiliation (tri), ==, "Together");
  g_assert_cmpint (lectern_person_get_rev (tri), ==, 41);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person"), ==, 1);
}

/* A read-only store (here: from a newer Lectern) refuses undo and redo. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) p = NULL;
  g_autofree char *pragma = NULL;

  lectern_store_set_actor (store, "alice");
  p = lectern_test_add_person (store, "Dan Fu", NULL);
  g_assert_true (lectern_store_can_undo (store));
  g_clear_object (&store);

  pragma = g_strdup_printf ("PRAGMA user_version = %d", LECTERN_SCHEMA_VERSION + 1);
  lectern_test_sql_exec (f->path, pragma);

  store = open_as (f->path, "alice");
  g_assert_true (lectern_store_get_read_only (store));
  g_assert_false (lectern_store_can_undo (store));
  g_assert_null (lectern_store_get_undo_label (store));
  g_assert_false (lectern_store_undo (store, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (lectern_store_redo (store, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person WHERE name = 'Dan Fu'"), ==, 1);
}

/* Old steps beyond the limit are forgotten, per organizer. */
static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = create_workshop (f->path);
  g_autoptr(LecternPerson) p = NULL;

  lectern_store_set_actor (store, "alice");
  p = lectern_test_find_person (store, "Percy Liang");
  for (guint i = 0; i < 210; i++)
    {
      g_autofree char *bio = g_strdup_printf ("bio %u", i);

      lectern_person_set_bio (p, bio);
      g_assert_true (lectern_store_update_person (store, p, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM history WHERE actor = 'alice'"), ==, 200);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lectern_test_workshop_set_up, func, \
              lectern_test_workshop_tear_down)

  ADD ("/history/new-file", test_new_file);
  ADD ("/history/add-edit-remove", test_add_edit_remove);
  ADD ("/history/cascades", test_cascades);
  ADD ("/history/reorder", test_reorder);
  ADD ("/history/reopen", test_reopen);
  ADD ("/history/two-actors", test_two_actors);
  ADD ("/history/conflict", test_conflict);
  ADD ("/history/redo-truncated", test_redo_truncated);
  ADD ("/history/aba", test_aba);
  ADD ("/history/ids-not-reused", test_ids_not_reused);
  ADD ("/history/actions", test_actions);
  ADD ("/history/migrate-v2", test_migrate_v2);
  ADD ("/history/read-only", test_read_only);
  ADD ("/history/limit", test_limit);

  return g_test_run ();
}
