/* test-store.c: the shared workshop file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lectern-entity.h"
#include "lectern-store.h"
#include "lectern-test-util.h"
#include "lectern-validate.h"

/* f->dir, a new folder; f->path, the workshop file a test makes there */
typedef LecternTestWorkshop Fixture;

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A new file carries Lectern's id and the current schema version. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternStore) again = NULL;
  g_autoptr(LecternEvent) event = NULL;

  store = lectern_store_create (f->path, "ES-FoMo 2026", &error);
  g_assert_no_error (error);
  g_assert_false (lectern_store_get_read_only (store));
  g_assert_cmpint (lectern_store_get_schema_version (store), ==, LECTERN_SCHEMA_VERSION);

  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA application_id"), ==, LECTERN_APPLICATION_ID);
  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA user_version"), ==, LECTERN_SCHEMA_VERSION);

  event = lectern_store_get_event (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_name (event), ==, "ES-FoMo 2026");

  /* creating over an existing file is refused and leaves it alone */
  again = lectern_store_create (f->path, "other", &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_EXISTS);
  g_assert_null (again);
}

/* A version-1 file is backed up, then upgraded; its data survives. */
static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) old = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(LecternPerson) loaded = NULL;
  g_autofree char *old_sum = NULL;
  const char *backup;

  /* a file as Lectern's first schema wrote it */
  old = _lectern_store_create_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  lectern_test_sql_exec (f->path, "INSERT INTO person (name, first_name, family_name, affiliation)"
                     " VALUES ('Tri Dao', 'Tri', 'Dao', 'Together')");
  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  old_sum = checksum_of (f->path);

  store = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_store_get_schema_version (store), ==, LECTERN_SCHEMA_VERSION);
  g_assert_cmpint (lectern_test_sql_int (f->path, "PRAGMA user_version"), ==, LECTERN_SCHEMA_VERSION);

  /* the backup is the version-1 file, byte for byte in content */
  backup = lectern_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_suffix (backup, ".v1.bak"));
  g_assert_cmpint (lectern_test_sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (lectern_test_sql_int (backup, "SELECT COUNT(*) FROM person"), ==, 1);

  /* the person is still there, with the new private fields */
  people = lectern_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  loaded = g_list_model_get_item (people, 0);
  g_assert_cmpstr (lectern_person_get_name (loaded), ==, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_email (loaded), ==, "");
  g_assert_cmpint (lectern_person_get_status (loaded), ==, LECTERN_STATUS_NONE);

  lectern_person_set_status (loaded, LECTERN_STATUS_CONFIRMED);
  lectern_person_set_email (loaded, "tri@example.org");
  lectern_store_update_person (store, loaded, &error);
  g_assert_no_error (error);

  /* opening the upgraded file again does not back it up again */
  g_clear_object (&store);
  store = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (lectern_store_get_backup_path (store));
}

/* Not SQLite, or SQLite of another program: refused, file untouched. */
static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autofree char *text_path = g_build_filename (f->dir, "notes.lectern", NULL);
  g_autofree char *db_path = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.lectern", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.lectern", NULL);
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text_path, "speakers: [ann, bob]\n", -1, NULL));
  sum_before = checksum_of (text_path);
  store = lectern_store_open (text_path, &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "not a Lectern workshop file"));
  sum_after = checksum_of (text_path);
  g_assert_cmpstr (sum_before, ==, sum_after);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  store = lectern_store_open (empty_path, &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER); INSERT INTO moz_places VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_free (sum_before);
  sum_before = checksum_of (db_path);

  store = lectern_store_open (db_path, &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_LECTERN);
  g_assert_null (store);
  g_clear_error (&error);
  g_free (sum_after);
  sum_after = checksum_of (db_path);
  g_assert_cmpstr (sum_before, ==, sum_after);
  {
    g_autofree char *backup = g_strconcat (db_path, ".v0.bak", NULL);

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  store = lectern_store_open (missing, &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A file from a newer Lectern opens read-only, with a reason. */
static void
test_newer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternPerson) person = NULL;
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *pragma = NULL;

  store = lectern_store_create (f->path, "Future", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  pragma = g_strdup_printf ("PRAGMA user_version = %d", LECTERN_SCHEMA_VERSION + 1);
  lectern_test_sql_exec (f->path, pragma);
  sum_before = checksum_of (f->path);

  store = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_get_read_only (store));
  g_assert_nonnull (strstr (lectern_store_get_read_only_reason (store), "newer version of Lectern"));

  person = lectern_person_new ();
  lectern_person_set_name (person, "Nobody");
  g_assert_false (lectern_store_add_person (store, person, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_READ_ONLY);

  g_clear_object (&store);
  sum_after = checksum_of (f->path);
  g_assert_cmpstr (sum_before, ==, sum_after);
}

/* Two organizers edit the same person: the first wins, the second gets
 * a conflict, and nothing of either is lost.
 */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) alice = NULL;
  g_autoptr(LecternStore) bob = NULL;
  g_autoptr(LecternPerson) created = NULL;
  g_autoptr(LecternPerson) a = NULL;
  g_autoptr(LecternPerson) b = NULL;
  g_autoptr(LecternPerson) now = NULL;

  alice = lectern_store_create (f->path, "Shared", &error);
  g_assert_no_error (error);
  created = lectern_test_add_person (alice, "Percy Liang", "Stanford University");

  bob = lectern_store_open (f->path, &error);
  g_assert_no_error (error);

  a = lectern_store_get_person (alice, lectern_person_get_id (created), &error);
  g_assert_no_error (error);
  b = lectern_store_get_person (bob, lectern_person_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lectern_person_get_rev (a), ==, lectern_person_get_rev (b));

  lectern_person_set_affiliation (a, "Stanford University, Together");
  g_assert_true (lectern_store_update_person (alice, a, &error));
  g_assert_no_error (error);

  lectern_person_set_affiliation (b, "Together AI");
  g_assert_false (lectern_store_update_person (bob, b, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Percy Liang"));
  g_clear_error (&error);

  /* the file has Alice's version; Bob still holds his, to choose from */
  now = lectern_store_get_person (bob, lectern_person_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_person_get_affiliation (now), ==, "Stanford University, Together");
  g_assert_cmpstr (lectern_person_get_affiliation (b), ==, "Together AI");

  /* once Bob has seen the new version, his edit goes through */
  lectern_person_set_rev (b, lectern_person_get_rev (now));
  g_assert_true (lectern_store_update_person (bob, b, &error));
  g_assert_no_error (error);

  /* a removal based on a stale row is refused too */
  g_assert_false (lectern_store_remove_person (alice, a, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
}

typedef struct
{
  guint           count;
  LecternChanges *last;
} Changed;

static void
count_changed (LecternStore   *store,
               LecternChanges *changes,
               Changed        *changed)
{
  changed->count++;
  g_clear_pointer (&changed->last, lectern_changes_unref);
  changed->last = lectern_changes_ref (changes);
}

/* A commit by another connection is noticed; our own is not. */
static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) mine = NULL;
  g_autoptr(LecternStore) theirs = NULL;
  g_autoptr(LecternPerson) p1 = NULL;
  g_autoptr(LecternPerson) p2 = NULL;
  g_autoptr(GListModel) people = NULL;
  Changed changed = { 0, NULL };

  mine = lectern_store_create (f->path, "Shared", &error);
  g_assert_no_error (error);
  theirs = lectern_store_open (f->path, &error);
  g_assert_no_error (error);

  g_signal_connect (mine, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_false (lectern_store_poll_changes (mine));
  p1 = lectern_test_add_person (mine, "Mine", NULL);
  g_assert_false (lectern_store_poll_changes (mine));
  g_assert_cmpuint (changed.count, ==, 0);

  p2 = lectern_test_add_person (theirs, "Theirs", NULL);
  g_assert_true (lectern_store_poll_changes (mine));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_false (lectern_store_poll_changes (mine));

  /* the change says what it touched: their person, and no slot */
  g_assert_false (lectern_changes_is_everything (changed.last));
  g_assert_true (lectern_changes_touches_row (changed.last, "person", lectern_person_get_id (p2)));
  g_assert_false (lectern_changes_touches_row (changed.last, "person", lectern_person_get_id (p1)));
  g_assert_false (lectern_changes_touches (changed.last, "slot"));
  g_assert_false (lectern_changes_touches_any (changed.last, lectern_changes_schedule_tables) &&
                  !lectern_changes_touches (changed.last, "person"));
  {
    g_autofree char *text = lectern_changes_to_string (changed.last);
    g_autofree char *expected = g_strdup_printf ("person %" G_GINT64_FORMAT,
                                                 lectern_person_get_id (p2));

    g_assert_cmpstr (text, ==, expected);
  }

  /* their undo is seen as the rows it wrote */
  g_assert_true (lectern_store_undo (theirs, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_store_poll_changes (mine));
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_false (lectern_changes_is_everything (changed.last));
  g_assert_true (lectern_changes_touches_row (changed.last, "person", lectern_person_get_id (p2)));
  g_assert_false (lectern_changes_touches_row (changed.last, "person", lectern_person_get_id (p1)));
  g_assert_true (lectern_store_redo (theirs, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_store_poll_changes (mine));
  g_assert_true (lectern_changes_touches_row (changed.last, "person", lectern_person_get_id (p2)));

  /* a write that left no step (another program's) may have touched anything */
  lectern_test_sql_exec (f->path, "UPDATE event SET venue = 'Elsewhere'");
  g_assert_true (lectern_store_poll_changes (mine));
  g_assert_true (lectern_changes_is_everything (changed.last));
  changed.count = 1;

  people = lectern_store_list_people (mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  /* the watch polls on the main loop */
  lectern_store_watch (mine, 50);
  g_clear_object (&p2);
  p2 = lectern_test_add_person (theirs, "Theirs again", NULL);
  lectern_test_wait_until (changed.count >= 2, 5000);
  g_assert_cmpuint (changed.count, ==, 2);
  lectern_store_watch (mine, 0);

  /* with a poll only once a minute, the file monitor sees a colleague's
   * commit within half a second; and our own commits are not changes */
  lectern_store_watch (mine, 60000);
  {
    g_autoptr(LecternPerson) p3 = lectern_test_add_person (theirs, "Theirs, seen at once", NULL);
    g_autoptr(LecternPerson) p4 = NULL;
    gint64 start = g_get_monotonic_time ();

    g_assert_true (lectern_test_wait_until (changed.count >= 3, 500));
    g_test_message ("seen after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
    p4 = lectern_test_add_person (mine, "Mine again", NULL);
    lectern_test_wait_until (FALSE, 200);
    g_assert_cmpuint (changed.count, ==, 3);
  }
  lectern_store_watch (mine, 0);
  g_clear_pointer (&changed.last, lectern_changes_unref);
}

/* Slugs are safe file names, unique across cards and sponsors. */
static void
test_slugs (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternPerson) dylan = NULL;
  g_autoptr(LecternPerson) other_dylan = NULL;
  g_autoptr(LecternCard) c1 = NULL;
  g_autoptr(LecternCard) c2 = NULL;
  g_autoptr(LecternCard) c3 = NULL;
  g_autoptr(LecternCard) bad = NULL;
  g_autoptr(LecternSponsor) sponsor = NULL;

  g_assert_true (lectern_slug_is_valid ("natalia_g"));
  g_assert_false (lectern_slug_is_valid ("../etc/passwd"));
  g_assert_false (lectern_slug_is_valid ("a/b"));
  g_assert_false (lectern_slug_is_valid (".hidden"));
  g_assert_false (lectern_slug_is_valid ("Upper"));
  g_assert_false (lectern_slug_is_valid (""));

  store = lectern_store_create (f->path, "Slugs", &error);
  g_assert_no_error (error);

  dylan = lectern_test_add_person (store, "Dylan Patel", "SemiAnalysis");
  c1 = lectern_store_add_card (store, dylan, LECTERN_ROLE_PANELIST, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_card_get_slug (c1), ==, "dylan");

  c2 = lectern_store_add_card (store, dylan, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_card_get_slug (c2), ==, "dylan_patel");

  other_dylan = lectern_test_add_person (store, "Dylan Smith", NULL);
  c3 = lectern_store_add_card (store, other_dylan, LECTERN_ROLE_SPEAKER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_card_get_slug (c3), ==, "dylan_smith");

  bad = lectern_store_add_card (store, other_dylan, LECTERN_ROLE_ORGANIZER, "../../x", &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  g_assert_null (bad);
  g_clear_error (&error);

  /* one person, one card per role */
  bad = lectern_store_add_card (store, dylan, LECTERN_ROLE_PANELIST, "dylan2", &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a sponsor cannot take a card's file name */
  sponsor = lectern_sponsor_new ();
  lectern_sponsor_set_name (sponsor, "Dylan Inc");
  lectern_sponsor_set_slug (sponsor, "dylan");
  g_assert_false (lectern_store_add_sponsor (store, sponsor, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
}

/* A failed step inside a user action rolls back the whole action. */
static void
test_transaction (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternPerson) p = NULL;
  g_autoptr(LecternPerson) nameless = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  store = lectern_store_create (f->path, "Tx", &error);
  g_assert_no_error (error);

  g_assert_true (lectern_store_begin (store, &error));
  p = lectern_test_add_person (store, "Ce Zhang", "ETH");
  nameless = lectern_person_new ();
  g_assert_false (lectern_store_add_person (store, nameless, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  lectern_store_rollback (store);

  people = lectern_store_list_people (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);

  problems = lectern_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The cards of one role, as "slug:position" in the site's order. */
static char *
card_order (LecternStore *store,
            LecternRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cards = lectern_store_list_cards (store, role, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      g_string_append_printf (out, "%s%s:%d", i ? " " : "",
                              lectern_card_get_slug (card), lectern_card_get_position (card));
    }

  return g_string_free (out, FALSE);
}

static char *
sponsor_order (LecternStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sponsors = lectern_store_list_sponsors (store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (sponsors, i);

      g_string_append_printf (out, "%s%s:%d", i ? " " : "",
                              lectern_sponsor_get_slug (sponsor), lectern_sponsor_get_position (sponsor));
    }

  return g_string_free (out, FALSE);
}

static LecternCard *
add_card (LecternStore *store,
          const char   *name,
          LecternRole   role,
          const char   *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternPerson) person = lectern_test_add_person (store, name, NULL);
  LecternCard *card = lectern_store_add_card (store, person, role, slug, &error);

  g_assert_no_error (error);
  return card;
}

static LecternSponsor *
add_sponsor (LecternStore *store,
             const char   *name,
             const char   *slug)
{
  g_autoptr(GError) error = NULL;
  LecternSponsor *sponsor = lectern_sponsor_new ();

  lectern_sponsor_set_name (sponsor, name);
  lectern_sponsor_set_slug (sponsor, slug);
  lectern_store_add_sponsor (store, sponsor, &error);
  g_assert_no_error (error);

  return sponsor;
}

#define ASSERT_ORDER(expr, expected) \
  G_STMT_START { \
    g_autofree char *order_ = (expr); \
    g_assert_cmpstr (order_, ==, expected); \
  } G_STMT_END

/* Moving renumbers the role 1..N, puts the card where asked, and leaves
 * the other roles alone.
 */
static void
test_move_cards (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternCard) a = NULL;
  g_autoptr(LecternCard) b = NULL;
  g_autoptr(LecternCard) c = NULL;
  g_autoptr(LecternCard) d = NULL;
  g_autoptr(LecternCard) org1 = NULL;
  g_autoptr(LecternCard) org2 = NULL;
  gint64 rev_before;

  store = lectern_store_create (f->path, "Order", &error);
  g_assert_no_error (error);

  a = add_card (store, "Ann A", LECTERN_ROLE_SPEAKER, "ann");
  b = add_card (store, "Bob B", LECTERN_ROLE_SPEAKER, "bob");
  c = add_card (store, "Cid C", LECTERN_ROLE_SPEAKER, "cid");
  d = add_card (store, "Dee D", LECTERN_ROLE_SPEAKER, "dee");
  org1 = add_card (store, "Ola O", LECTERN_ROLE_ORGANIZER, "ola");
  org2 = add_card (store, "Pat P", LECTERN_ROLE_ORGANIZER, "pat");
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_SPEAKER), "ann:1 bob:2 cid:3 dee:4");

  /* to the top */
  rev_before = lectern_card_get_rev (c);
  g_assert_true (lectern_store_move_card (store, c, 0, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_SPEAKER), "cid:1 ann:2 bob:3 dee:4");
  g_assert_cmpint (lectern_card_get_position (c), ==, 1);
  g_assert_cmpint (lectern_card_get_rev (c), >, rev_before);

  /* down, by one (Alt+Down): the object is current, so it moves again */
  g_assert_true (lectern_store_move_card (store, c, 1, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_SPEAKER), "ann:1 cid:2 bob:3 dee:4");
  g_assert_cmpint (lectern_card_get_position (c), ==, 2);

  /* past the end means last */
  g_assert_true (lectern_store_move_card (store, c, 99, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_SPEAKER), "ann:1 bob:2 dee:3 cid:4");
  g_assert_cmpint (lectern_card_get_position (c), ==, 4);

  /* the organizers were not touched */
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_ORGANIZER), "ola:1 pat:2");

  /* tied and gapped positions (a hand-edited site) are renumbered 1..N */
  lectern_test_sql_exec (f->path, "UPDATE card SET position = 7 WHERE role = 'speaker'");
  lectern_test_sql_exec (f->path, "UPDATE card SET position = 3 WHERE slug = 'dee'");
  g_clear_object (&d);
  {
    g_autoptr(GListModel) cards = lectern_store_list_cards (store, LECTERN_ROLE_SPEAKER, NULL);

    d = g_list_model_get_item (cards, 0);
    g_assert_cmpstr (lectern_card_get_slug (d), ==, "dee");
  }
  g_assert_true (lectern_store_move_card (store, d, 2, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (store, LECTERN_ROLE_SPEAKER), "ann:1 bob:2 dee:3 cid:4");
}

/* A move or removal based on a stale card is a conflict and changes
 * nothing; a current one goes through.
 */
static void
test_move_stale (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) mine = NULL;
  g_autoptr(LecternStore) theirs = NULL;
  g_autoptr(LecternCard) a = NULL;
  g_autoptr(LecternCard) b = NULL;
  g_autoptr(LecternCard) c = NULL;
  g_autoptr(LecternCard) theirs_a = NULL;
  g_autoptr(GListModel) people = NULL;

  mine = lectern_store_create (f->path, "Stale", &error);
  g_assert_no_error (error);
  a = add_card (mine, "Ann A", LECTERN_ROLE_PANELIST, "ann");
  b = add_card (mine, "Bob B", LECTERN_ROLE_PANELIST, "bob");
  c = add_card (mine, "Cid C", LECTERN_ROLE_PANELIST, "cid");

  /* a colleague archives Ann's card */
  theirs = lectern_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) cards = lectern_store_list_cards (theirs, LECTERN_ROLE_PANELIST, NULL);

    theirs_a = g_list_model_get_item (cards, 0);
  }
  lectern_card_set_archived (theirs_a, TRUE);
  g_assert_true (lectern_store_update_card (theirs, theirs_a, &error));
  g_assert_no_error (error);

  /* my copy of Ann's card is stale: neither move nor removal happens */
  g_assert_false (lectern_store_move_card (mine, a, 2, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ann A"));
  g_clear_error (&error);
  ASSERT_ORDER (card_order (mine, LECTERN_ROLE_PANELIST), "ann:1 bob:2 cid:3");
  g_assert_cmpint (lectern_card_get_position (a), ==, 1);

  g_assert_false (lectern_store_remove_card (mine, a, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  ASSERT_ORDER (card_order (mine, LECTERN_ROLE_PANELIST), "ann:1 bob:2 cid:3");

  /* Bob's card was renumbered by nobody: moving it is fine, and moves Ann */
  g_assert_true (lectern_store_move_card (mine, b, 0, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (mine, LECTERN_ROLE_PANELIST), "bob:1 ann:2 cid:3");

  /* ... which makes the colleague's copy of Ann stale in turn */
  lectern_card_set_archived (theirs_a, FALSE);
  g_assert_false (lectern_store_update_card (theirs, theirs_a, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* removing a current card removes the card, not the person */
  g_assert_true (lectern_store_remove_card (mine, c, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (card_order (mine, LECTERN_ROLE_PANELIST), "bob:1 ann:2");
  people = lectern_store_list_people (mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);

  /* removing it again: it is gone */
  g_assert_false (lectern_store_remove_card (mine, c, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND);
}

static void
test_move_sponsors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternSponsor) x = NULL;
  g_autoptr(LecternSponsor) y = NULL;
  g_autoptr(LecternSponsor) z = NULL;
  g_autoptr(LecternSponsor) stale = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(LecternDay) day = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(LecternSlot) loaded = NULL;

  store = lectern_store_create (f->path, "Sponsors", &error);
  g_assert_no_error (error);
  x = add_sponsor (store, "Xylo", "xylo");
  y = add_sponsor (store, "Yarn", "yarn");
  z = add_sponsor (store, "Zinc", "zinc");
  ASSERT_ORDER (sponsor_order (store), "xylo:1 yarn:2 zinc:3");

  g_assert_true (lectern_store_move_sponsor (store, z, 1, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (sponsor_order (store), "xylo:1 zinc:2 yarn:3");
  g_assert_cmpint (lectern_sponsor_get_position (z), ==, 2);

  /* y's copy is stale now (it was renumbered): refused, nothing moves */
  g_assert_false (lectern_store_move_sponsor (store, y, 0, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lectern_store_remove_sponsor (store, y, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  ASSERT_ORDER (sponsor_order (store), "xylo:1 zinc:2 yarn:3");

  /* x was not renumbered: its copy is still current */
  stale = lectern_store_get_sponsor (store, lectern_sponsor_get_id (y), &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_move_sponsor (store, stale, 0, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (sponsor_order (store), "yarn:1 xylo:2 zinc:3");

  /* removing a sponsor of a slot keeps the slot, unsponsored */
  day = lectern_store_add_day (store, "2026-07-18", &error);
  g_assert_no_error (error);
  slot = lectern_slot_new ();
  lectern_slot_set_day_id (slot, lectern_day_get_id (day));
  lectern_slot_set_start (slot, 9 * 60);
  lectern_slot_set_duration (slot, 30);
  lectern_slot_set_kind (slot, LECTERN_SLOT_SOCIAL);
  lectern_slot_set_title (slot, "Party");
  lectern_slot_set_sponsor_id (slot, lectern_sponsor_get_id (z));
  g_assert_true (lectern_store_add_slot (store, slot, &error));
  g_assert_no_error (error);

  /* z was renumbered by the last move: read it again first */
  g_assert_false (lectern_store_remove_sponsor (store, z, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&z);
  z = lectern_store_get_sponsor (store, lectern_slot_get_sponsor_id (slot), &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_remove_sponsor (store, z, &error));
  g_assert_no_error (error);
  ASSERT_ORDER (sponsor_order (store), "yarn:1 xylo:2");
  slots = lectern_store_list_slots (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 1);
  loaded = g_list_model_get_item (slots, 0);
  g_assert_cmpint (lectern_slot_get_sponsor_id (loaded), ==, 0);
}

/* Search: case, accents and word order do not matter. */
static void
test_matches (void)
{
  g_autoptr(LecternPerson) person = lectern_person_new ();
  g_autoptr(LecternSponsor) sponsor = lectern_sponsor_new ();

  lectern_person_set_name (person, "José Gómez-Rodríguez");
  lectern_person_set_affiliation (person, "ETH Zürich");
  lectern_person_set_email (person, "jgomez@inf.ethz.ch");
  lectern_person_set_notes (person, "Prefers the morning session; Łódź trip");

  g_assert_true (lectern_person_matches (person, NULL));
  g_assert_true (lectern_person_matches (person, ""));
  g_assert_true (lectern_person_matches (person, "gomez"));
  g_assert_true (lectern_person_matches (person, "GÓMEZ"));
  g_assert_true (lectern_person_matches (person, "rodri"));
  g_assert_true (lectern_person_matches (person, "zurich"));
  g_assert_true (lectern_person_matches (person, "Zürich josé"));
  g_assert_true (lectern_person_matches (person, "inf.ethz"));
  g_assert_true (lectern_person_matches (person, "morning"));
  g_assert_true (lectern_person_matches (person, "lodz"));
  g_assert_false (lectern_person_matches (person, "stanford"));
  g_assert_false (lectern_person_matches (person, "gomez stanford"));
  /* words do not run across fields */
  g_assert_false (lectern_person_matches (person, "zrich"));
  g_assert_false (lectern_person_matches (person, "ríguezeth"));

  lectern_sponsor_set_name (sponsor, "Together AI");
  lectern_sponsor_set_tier (sponsor, "Gold");
  lectern_sponsor_set_url (sponsor, "https://www.together.ai");
  lectern_sponsor_set_slug (sponsor, "together");

  g_assert_true (lectern_sponsor_matches (sponsor, NULL));
  g_assert_true (lectern_sponsor_matches (sponsor, "together"));
  g_assert_true (lectern_sponsor_matches (sponsor, "GOLD"));
  g_assert_true (lectern_sponsor_matches (sponsor, "ai toge"));
  g_assert_false (lectern_sponsor_matches (sponsor, "silver"));
}

/* Next year's file: people and sponsors carried over, cards and sponsors
 * archived in their order, schedule and most event details empty, no
 * history; the old file untouched; an existing file refused.
 */
static void
test_new_edition (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternStore) next = NULL;
  g_autoptr(LecternStore) refused = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(LecternEvent) next_event = NULL;
  g_autoptr(LecternPerson) tri = NULL;
  g_autoptr(LecternPerson) next_tri = NULL;
  g_autoptr(LecternPerson) added = NULL;
  g_autoptr(LecternCard) a = NULL;
  g_autoptr(LecternCard) b = NULL;
  g_autoptr(LecternCard) c = NULL;
  g_autoptr(LecternCard) org = NULL;
  g_autoptr(LecternSponsor) x = NULL;
  g_autoptr(LecternSponsor) y = NULL;
  g_autoptr(LecternDay) day = NULL;
  g_autoptr(LecternSlot) slot = NULL;
  g_autoptr(LecternSession) session = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) cards = NULL;
  g_autoptr(GListModel) sponsors = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG photo of Tri", 17);
  g_autoptr(GBytes) logo = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *next_path = g_build_filename (f->dir, "es-fomo-2026.lectern", NULL);
  g_autofree char *old_sum = NULL;
  g_autofree char *old_sum_after = NULL;
  g_autofree char *existing_sum = NULL;

  store = lectern_store_create (f->path, "ES-FoMo 2025", &error);
  g_assert_no_error (error);

  event = lectern_store_get_event (store, &error);
  g_assert_no_error (error);
  lectern_event_set_short_name (event, "ES-FoMo");
  lectern_event_set_conference (event, "ICML 2025");
  lectern_event_set_year (event, 2025);
  lectern_event_set_start_date (event, "2025-07-18");
  lectern_event_set_end_date (event, "2025-07-18");
  lectern_event_set_timezone (event, "America/Vancouver");
  lectern_event_set_venue (event, "Vancouver Convention Center");
  lectern_event_set_room (event, "West 118");
  lectern_event_set_room_map_url (event, "https://example.org/map");
  lectern_event_set_contact_email (event, "esfomo@example.org");
  lectern_event_set_site_url (event, "https://es-fomo.com");
  lectern_event_set_openreview_url (event, "https://openreview.net/group?id=ICML.cc/2025/Workshop/ES-FoMo");
  lectern_event_set_plan_heading (event, "## 🗓️ the schedule");
  g_assert_true (lectern_store_update_event (store, event, &error));
  g_assert_no_error (error);

  a = add_card (store, "Ann A", LECTERN_ROLE_SPEAKER, "ann");
  b = add_card (store, "Bob B", LECTERN_ROLE_SPEAKER, "bob");
  c = add_card (store, "Cid C", LECTERN_ROLE_SPEAKER, "cid");
  g_assert_true (lectern_store_move_card (store, c, 0, &error));
  g_assert_no_error (error);

  tri = lectern_person_new ();
  lectern_person_set_name (tri, "Tri Dao");
  lectern_person_set_affiliation (tri, "Princeton");
  lectern_person_set_photo (tri, photo);
  lectern_person_set_image_path (tri, "assets/img/tri.jpg");
  lectern_person_set_email (tri, "tri@example.org");
  lectern_person_set_status (tri, LECTERN_STATUS_CONFIRMED);
  lectern_person_set_notes (tri, "Vegetarian");
  g_assert_true (lectern_store_add_person (store, tri, &error));
  g_assert_no_error (error);
  org = lectern_store_add_card (store, tri, LECTERN_ROLE_ORGANIZER, "tri", &error);
  g_assert_no_error (error);

  x = add_sponsor (store, "Xylo", "xylo");
  y = add_sponsor (store, "Yarn", "yarn");
  lectern_sponsor_set_logo (y, logo);
  lectern_sponsor_set_tier (y, "Gold");
  g_assert_true (lectern_store_update_sponsor (store, y, &error));
  g_assert_no_error (error);
  g_assert_true (lectern_store_move_sponsor (store, y, 0, &error));
  g_assert_no_error (error);

  day = lectern_store_add_day (store, "2025-07-18", &error);
  g_assert_no_error (error);
  g_clear_object (&slot);
  slot = lectern_slot_new ();
  lectern_slot_set_day_id (slot, lectern_day_get_id (day));
  lectern_slot_set_start (slot, 9 * 60);
  lectern_slot_set_duration (slot, 30);
  lectern_slot_set_kind (slot, LECTERN_SLOT_TALK);
  lectern_slot_set_title (slot, "Attention");
  lectern_slot_add_appearance (slot, lectern_person_get_id (tri), LECTERN_APPEARANCE_SPEAKER, NULL);
  g_assert_true (lectern_store_add_slot (store, slot, &error));
  g_assert_no_error (error);
  session = lectern_store_add_session (store, lectern_day_get_id (day), "Session I", "🔥", &error);
  g_assert_no_error (error);
  g_assert_true (lectern_store_can_undo (store));

  old_sum = checksum_of (f->path);

  /* an existing file is refused and left alone */
  g_assert_true (g_file_set_contents (next_path, "keep me", -1, NULL));
  existing_sum = checksum_of (next_path);
  refused = lectern_store_new_edition (store, next_path, &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_EXISTS);
  g_assert_null (refused);
  g_clear_error (&error);
  {
    g_autofree char *sum = checksum_of (next_path);

    g_assert_cmpstr (sum, ==, existing_sum);
  }
  g_unlink (next_path);

  next = lectern_store_new_edition (store, next_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpstr (lectern_store_get_path (next), ==, next_path);
  g_assert_cmpint (lectern_test_sql_int (next_path, "PRAGMA user_version"), ==, LECTERN_SCHEMA_VERSION);

  /* the old file did not change */
  old_sum_after = checksum_of (f->path);
  g_assert_cmpstr (old_sum, ==, old_sum_after);

  /* the event: kept what carries over, blanked the rest */
  next_event = lectern_store_get_event (next, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_name (next_event), ==, "ES-FoMo 2025");
  g_assert_cmpstr (lectern_event_get_short_name (next_event), ==, "ES-FoMo");
  g_assert_cmpstr (lectern_event_get_conference (next_event), ==, "ICML 2025");
  g_assert_cmpstr (lectern_event_get_timezone (next_event), ==, "America/Vancouver");
  g_assert_cmpstr (lectern_event_get_plan_heading (next_event), ==, "## 🗓️ the schedule");
  g_assert_cmpint (lectern_event_get_year (next_event), ==, 0);
  g_assert_cmpstr (lectern_event_get_start_date (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_end_date (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_venue (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_room (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_room_map_url (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_contact_email (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_site_url (next_event), ==, "");
  g_assert_cmpstr (lectern_event_get_openreview_url (next_event), ==, "");

  /* the people, with photo and private fields */
  people = lectern_store_list_people (next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);
  next_tri = lectern_store_get_person (next, lectern_person_get_id (tri), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_person_get_name (next_tri), ==, "Tri Dao");
  g_assert_cmpstr (lectern_person_get_affiliation (next_tri), ==, "Princeton");
  g_assert_cmpstr (lectern_person_get_image_path (next_tri), ==, "assets/img/tri.jpg");
  g_assert_true (g_bytes_equal (lectern_person_get_photo (next_tri), photo));
  g_assert_cmpstr (lectern_person_get_email (next_tri), ==, "tri@example.org");
  g_assert_cmpint (lectern_person_get_status (next_tri), ==, LECTERN_STATUS_CONFIRMED);
  g_assert_cmpstr (lectern_person_get_notes (next_tri), ==, "Vegetarian");

  /* the cards: same slugs and order, all archived */
  ASSERT_ORDER (card_order (next, LECTERN_ROLE_SPEAKER), "cid:1 ann:2 bob:3");
  ASSERT_ORDER (card_order (next, LECTERN_ROLE_ORGANIZER), "tri:1");
  cards = lectern_store_list_cards (next, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      g_assert_true (lectern_card_get_archived (card));
    }

  /* the sponsors too */
  ASSERT_ORDER (sponsor_order (next), "yarn:1 xylo:2");
  sponsors = lectern_store_list_sponsors (next, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sponsors); i++)
    {
      g_autoptr(LecternSponsor) sponsor = g_list_model_get_item (sponsors, i);

      g_assert_true (lectern_sponsor_get_archived (sponsor));
      if (g_str_equal (lectern_sponsor_get_slug (sponsor), "yarn"))
        {
          g_assert_true (g_bytes_equal (lectern_sponsor_get_logo (sponsor), logo));
          g_assert_cmpstr (lectern_sponsor_get_tier (sponsor), ==, "Gold");
        }
    }

  /* no schedule, no history */
  days = lectern_store_list_days (next, &error);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 0);
  slots = lectern_store_list_slots (next, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 0);
  sessions = lectern_store_list_sessions (next, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (next_path, "SELECT COUNT (*) FROM room"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (next_path, "SELECT COUNT (*) FROM appearance"), ==, 0);
  g_assert_cmpint (lectern_test_sql_int (next_path, "SELECT COUNT (*) FROM history"), ==, 0);
  g_assert_false (lectern_store_can_undo (next));

  problems = lectern_store_check (next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* the new file is ready for work: fresh ids and revs, undoable edits */
  added = lectern_test_add_person (next, "Dan Fu", NULL);
  g_assert_cmpint (lectern_person_get_id (added), >, lectern_card_get_id (org));
  g_assert_cmpint (lectern_person_get_rev (added), >, lectern_person_get_rev (next_tri));
  g_assert_true (lectern_store_can_undo (next));
  /* the slugs are the old edition's: taken */
  g_clear_object (&org);
  org = lectern_store_add_card (next, added, LECTERN_ROLE_ORGANIZER, "tri", &error);
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID);
}

/* Opening off the main thread gives the same store, or the same error. */
static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) created = NULL;
  g_autoptr(LecternStore) store = NULL;
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);

  created = lectern_store_create (f->path, "Async", &error);
  g_assert_no_error (error);
  g_clear_object (&created);

  lectern_store_open_async (f->path, NULL, lectern_test_keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = lectern_store_open_finish (result, &error);
  g_assert_no_error (error);
  event = lectern_store_get_event (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lectern_event_get_name (event), ==, "Async");
  g_clear_object (&result);

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  lectern_store_open_async (text, NULL, lectern_test_keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (lectern_store_open_finish (result, &error));
  g_assert_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_SQLITE);
}

/* What the editors accept as typed (empty is always fine). */
static void
test_validate (void)
{
  g_assert_true (lectern_validate_url (""));
  g_assert_true (lectern_validate_url ("https://tridao.me"));
  g_assert_true (lectern_validate_url ("http://www.achowdhery.com"));
  g_assert_true (lectern_validate_url ("https://www.linkedin.com/in/emily-webber-921b4969/"));
  g_assert_false (lectern_validate_url ("tridao.me"));
  g_assert_false (lectern_validate_url ("https://localhost"));
  g_assert_false (lectern_validate_url ("ftp://example.org"));
  g_assert_false (lectern_validate_url ("https://exa mple.org"));
  g_assert_false (lectern_validate_url ("javascript:alert(1)"));

  /* the obvious fix of an address typed without https:// */
  {
    g_autofree char *tri = lectern_validate_suggest_url ("tridao.me");
    g_autofree char *path = lectern_validate_suggest_url (" www.example.org/~ann ");
    g_autofree char *ftp = lectern_validate_suggest_url ("ftp://example.org");
    g_autofree char *word = lectern_validate_suggest_url ("localhost");
    g_autofree char *script = lectern_validate_suggest_url ("javascript:alert(1)");
    g_autofree char *spaced = lectern_validate_suggest_url ("exa mple.org");

    g_assert_cmpstr (tri, ==, "https://tridao.me");
    g_assert_cmpstr (path, ==, "https://www.example.org/~ann");
    g_assert_null (ftp);
    g_assert_null (word);
    g_assert_null (script);
    g_assert_null (spaced);
  }

  g_assert_true (lectern_validate_email (""));
  g_assert_true (lectern_validate_email ("esfomo.workshop@gmail.com"));
  g_assert_false (lectern_validate_email ("esfomo.workshop"));
  g_assert_false (lectern_validate_email ("a@b@c.org"));
  g_assert_false (lectern_validate_email ("@example.org"));
  g_assert_false (lectern_validate_email ("ann@example"));
  g_assert_false (lectern_validate_email ("Ann <ann@example.org>"));

  g_assert_true (lectern_validate_date ("2023-07-29"));
  g_assert_false (lectern_validate_date ("2023-02-30"));
  g_assert_false (lectern_validate_date ("29/07/2023"));
  g_assert_false (lectern_validate_date ("2023-07-29x"));

  g_assert_true (lectern_validate_timezone ("Pacific/Honolulu"));
  g_assert_true (lectern_validate_timezone ("America/New_York"));
  g_assert_false (lectern_validate_timezone ("Hawaii/Honolulu"));
  g_assert_false (lectern_validate_timezone ("HST-ish"));
}

/* Adding by name: a second list gives the same person a card, a hidden
 * card comes back, the people list always adds; one undo step each. */
static void
test_add_named (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LecternStore) store = lectern_store_create (f->path, "Names", &error);
  g_autoptr(LecternPerson) found = NULL;
  gint64 id = 0, card_id;

  g_assert_no_error (error);
  g_assert_true (lectern_store_add_named (store, "Tri Dao", LECTERN_ROLE_SPEAKER, "Add “Tri Dao” to Speakers", &id, &error));
  g_assert_no_error (error);
  card_id = id;
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM card WHERE role = 'speaker'"), ==, 1);

  /* in another list, any case: the same person */
  g_assert_true (lectern_store_add_named (store, "tri dao", LECTERN_ROLE_ORGANIZER, "Add “tri dao” to Organizers", &id, &error));
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person"), ==, 1);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM card"), ==, 2);
  found = lectern_store_find_person_by_name (store, "TRI DAO");
  g_assert_nonnull (found);

  /* a hidden card comes back */
  lectern_test_sql_exec (f->path, "UPDATE card SET archived = 1 WHERE role = 'speaker'");
  g_assert_true (lectern_store_add_named (store, "Tri Dao", LECTERN_ROLE_SPEAKER, "Add “Tri Dao” to Speakers", &id, &error));
  g_assert_cmpint (id, ==, card_id);
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT archived FROM card WHERE role = 'speaker'"), ==, 0);

  /* the people list adds a namesake */
  g_assert_true (lectern_store_add_named (store, "Tri Dao", LECTERN_N_ROLES, "Add “Tri Dao”", &id, &error));
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person"), ==, 2);

  /* each an undo step */
  g_assert_true (lectern_store_undo (store, &error));
  g_assert_cmpint (lectern_test_sql_int (f->path, "SELECT COUNT (*) FROM person"), ==, 1);
}

/* The three-way merge of a concurrent edit (core: the editors call it). */
static void
test_merge (void)
{
  static const char * const fields[] = { "name", "affiliation", "homepage" };
  g_autoptr(LecternPerson) base = lectern_person_new ();
  g_autoptr(LecternPerson) mine = NULL;
  g_autoptr(LecternPerson) theirs = NULL;
  gpointer merged = NULL;

  lectern_person_set_name (base, "Tri Dao");
  lectern_person_set_affiliation (base, "Stanford");
  lectern_person_set_homepage (base, "https://tridao.me");

  /* different fields: both kept, no conflict */
  mine = lectern_person_copy (base);
  theirs = lectern_person_copy (base);
  lectern_person_set_affiliation (mine, "Princeton");
  lectern_person_set_homepage (theirs, "https://tridao.me/new");
  lectern_person_set_rev (theirs, 7);
  g_assert_false (lectern_object_merge (base, mine, theirs, fields, G_N_ELEMENTS (fields), &merged));
  g_assert_cmpstr (lectern_person_get_affiliation (merged), ==, "Princeton");
  g_assert_cmpstr (lectern_person_get_homepage (merged), ==, "https://tridao.me/new");
  g_assert_cmpint (lectern_person_get_rev (merged), ==, 7);
  g_clear_object (&merged);

  /* the same field, the same value: no conflict */
  lectern_person_set_affiliation (theirs, "Princeton");
  g_assert_false (lectern_object_merge (base, mine, theirs, fields, G_N_ELEMENTS (fields), &merged));
  g_clear_object (&merged);

  /* the same field, other values: a conflict, mine laid over theirs */
  lectern_person_set_affiliation (theirs, "Together");
  g_assert_true (lectern_object_merge (base, mine, theirs, fields, G_N_ELEMENTS (fields), &merged));
  g_assert_cmpstr (lectern_person_get_affiliation (merged), ==, "Princeton");
  g_clear_object (&merged);

  /* a slot: my title over their new link (kept by the slot's own copy) */
  {
    static const char * const slot_fields[] = { "title" };
    g_autoptr(LecternSlot) sbase = lectern_slot_new ();
    g_autoptr(LecternSlot) smine = NULL;
    g_autoptr(LecternSlot) stheirs = NULL;

    lectern_slot_set_title (sbase, "Megatron");
    smine = lectern_slot_copy (sbase);
    stheirs = lectern_slot_copy (sbase);
    lectern_slot_set_title (smine, "Megatron, revised");
    lectern_slot_add_link (stheirs, "slides", "https://example.org/s.pdf");
    g_assert_false (lectern_object_merge (sbase, smine, stheirs, slot_fields, 1, &merged));
    g_assert_cmpstr (lectern_slot_get_title (merged), ==, "Megatron, revised");
    g_assert_cmpuint (lectern_slot_get_links (merged)->len, ==, 1);
    g_clear_object (&merged);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lectern_test_workshop_set_up, func, \
              lectern_test_workshop_tear_down)

  g_test_add_func ("/store/validate", test_validate);
  ADD ("/store/create", test_create);
  ADD ("/store/open-async", test_open_async);
  ADD ("/store/migrate", test_migrate);
  ADD ("/store/foreign", test_foreign);
  ADD ("/store/newer", test_newer);
  ADD ("/store/conflict", test_conflict);
  ADD ("/store/external-change", test_external_change);
  ADD ("/store/slugs", test_slugs);
  ADD ("/store/transaction", test_transaction);
  ADD ("/store/move-cards", test_move_cards);
  ADD ("/store/move-stale", test_move_stale);
  ADD ("/store/move-sponsors", test_move_sponsors);
  g_test_add_func ("/store/matches", test_matches);
  g_test_add_func ("/store/merge", test_merge);
  ADD ("/store/new-edition", test_new_edition);
  ADD ("/store/add-named", test_add_named);

  return g_test_run ();
}
