/* lectern-store-people.c: the event, people, cards and sponsors
 *
 * The workshop's details, its people with their cards and its sponsors,
 * (their order on the site and the adding by name: lectern-store-roster.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-store-private.h"
#include "lectern-validate.h"

/* For a name in a message, which may not be set yet. */
static void
bind_blob (sqlite3_stmt *stmt,
           int           index,
           GBytes       *bytes)
{
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  sqlite3_bind_blob64 (stmt, index, data ? data : "", size, SQLITE_TRANSIENT);
}



/* ------------------------------------------------------------------ */
/* Event                                                               */

#define EVENT_COLUMNS \
  "rev, name, short_name, conference, year, start_date, end_date, timezone," \
  " venue, room, room_map_url, contact_email, site_url, openreview_url, plan_heading," \
  " grid_step, changeover, program_folder"

LecternEvent *
lectern_store_get_event (LecternStore  *self,
                         GError       **error)
{
  g_autoptr(LecternEvent) event = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = _lectern_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM event WHERE id = 1", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                     _("The workshop file has no event details."));
      else
        _lectern_store_set_error_from_db (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  event = lectern_event_new ();
  lectern_event_set_rev (event, sqlite3_column_int64 (stmt, 0));
  lectern_event_set_name (event, _lectern_store_column_text (stmt, 1));
  lectern_event_set_short_name (event, _lectern_store_column_text (stmt, 2));
  lectern_event_set_conference (event, _lectern_store_column_text (stmt, 3));
  lectern_event_set_year (event, sqlite3_column_int (stmt, 4));
  lectern_event_set_start_date (event, _lectern_store_column_text (stmt, 5));
  lectern_event_set_end_date (event, _lectern_store_column_text (stmt, 6));
  lectern_event_set_timezone (event, _lectern_store_column_text (stmt, 7));
  lectern_event_set_venue (event, _lectern_store_column_text (stmt, 8));
  lectern_event_set_room (event, _lectern_store_column_text (stmt, 9));
  lectern_event_set_room_map_url (event, _lectern_store_column_text (stmt, 10));
  lectern_event_set_contact_email (event, _lectern_store_column_text (stmt, 11));
  lectern_event_set_site_url (event, _lectern_store_column_text (stmt, 12));
  lectern_event_set_openreview_url (event, _lectern_store_column_text (stmt, 13));
  lectern_event_set_plan_heading (event, _lectern_store_column_text (stmt, 14));
  lectern_event_set_grid_step (event, sqlite3_column_int (stmt, 15));
  lectern_event_set_changeover (event, sqlite3_column_int (stmt, 16));
  lectern_event_set_program_folder (event, _lectern_store_column_text (stmt, 17));
  sqlite3_finalize (stmt);

  return g_steal_pointer (&event);
}

static gboolean
timezone_is_valid (const char *identifier)
{
  GTimeZone *tz;
  gboolean ok;

  if (identifier == NULL || identifier[0] == '\0')
    return FALSE;

  tz = g_time_zone_new_identifier (identifier);
  ok = tz != NULL;
  g_clear_pointer (&tz, g_time_zone_unref);

  return ok;
}

gboolean
lectern_store_update_event (LecternStore  *self,
                            LecternEvent  *event,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_EVENT (event), FALSE);

  if (!timezone_is_valid (lectern_event_get_timezone (event)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone (use an IANA name such as Pacific/Honolulu)."),
                   lectern_event_get_timezone (event) ? lectern_event_get_timezone (event) : "");
      return FALSE;
    }

  if (lectern_event_get_grid_step (event) != 5 && lectern_event_get_grid_step (event) != 10 &&
      lectern_event_get_grid_step (event) != 15)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("The schedule’s grid step is 5, 10 or 15 minutes."));
      return FALSE;
    }
  if (!lectern_validate_site_folder (lectern_event_get_program_folder (event)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a folder the site serves: give a path inside the site such as assets/schedule, without “..” or a part that starts with “.” or “_”."),
                   lectern_event_get_program_folder (event));
      return FALSE;
    }
  if (lectern_event_get_changeover (event) < 0 || lectern_event_get_changeover (event) > 240)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("The changeover between rooms is from 0 to 240 minutes."));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Edit event details"));
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE event SET name = ?, short_name = ?, conference = ?,"
                                        " year = ?, start_date = ?, end_date = ?, timezone = ?, venue = ?, room = ?,"
                                        " room_map_url = ?, contact_email = ?, site_url = ?, openreview_url = ?,"
                                        " plan_heading = ?, grid_step = ?, changeover = ?, program_folder = ?,"
                                        " rev = ? WHERE id = ? AND rev = ?",
                                        1, lectern_event_get_rev (event), &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  _lectern_store_bind_text (stmt, 1, lectern_event_get_name (event));
  _lectern_store_bind_text (stmt, 2, lectern_event_get_short_name (event));
  _lectern_store_bind_text (stmt, 3, lectern_event_get_conference (event));
  sqlite3_bind_int (stmt, 4, lectern_event_get_year (event));
  _lectern_store_bind_text (stmt, 5, lectern_event_get_start_date (event));
  _lectern_store_bind_text (stmt, 6, lectern_event_get_end_date (event));
  _lectern_store_bind_text (stmt, 7, lectern_event_get_timezone (event));
  _lectern_store_bind_text (stmt, 8, lectern_event_get_venue (event));
  _lectern_store_bind_text (stmt, 9, lectern_event_get_room (event));
  _lectern_store_bind_text (stmt, 10, lectern_event_get_room_map_url (event));
  _lectern_store_bind_text (stmt, 11, lectern_event_get_contact_email (event));
  _lectern_store_bind_text (stmt, 12, lectern_event_get_site_url (event));
  _lectern_store_bind_text (stmt, 13, lectern_event_get_openreview_url (event));
  _lectern_store_bind_text (stmt, 14, lectern_event_get_plan_heading (event));
  sqlite3_bind_int (stmt, 15, lectern_event_get_grid_step (event));
  sqlite3_bind_int (stmt, 16, lectern_event_get_changeover (event));
  _lectern_store_bind_text (stmt, 17, lectern_event_get_program_folder (event));

  if (!_lectern_store_step_at_rev (self, stmt, "event", 1, _("Event details"), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  ok = _lectern_store_write_end (self, TRUE, error);
  if (ok)
    lectern_event_set_rev (event, rev);

  return ok;
}

/* ------------------------------------------------------------------ */
/* People                                                              */

#define PERSON_COLUMNS \
  "p.id, p.rev, p.name, p.first_name, p.family_name, p.affiliation, p.homepage," \
  " p.image_path, p.photo, p.bio, p.email, p.status, p.notes"
#define N_PERSON_COLUMNS 13

static LecternPerson *
read_person (sqlite3_stmt *stmt,
             int           col)
{
  LecternPerson *person = lectern_person_new ();
  g_autoptr(GBytes) photo = _lectern_store_column_blob (stmt, col + 8);
  LecternStatus status = LECTERN_STATUS_NONE;

  lectern_person_set_id (person, sqlite3_column_int64 (stmt, col + 0));
  lectern_person_set_rev (person, sqlite3_column_int64 (stmt, col + 1));
  lectern_person_set_name (person, _lectern_store_column_text (stmt, col + 2));
  lectern_person_set_first_name (person, _lectern_store_column_text (stmt, col + 3));
  lectern_person_set_family_name (person, _lectern_store_column_text (stmt, col + 4));
  lectern_person_set_affiliation (person, _lectern_store_column_text (stmt, col + 5));
  lectern_person_set_homepage (person, _lectern_store_column_text (stmt, col + 6));
  lectern_person_set_image_path (person, _lectern_store_column_text (stmt, col + 7));
  lectern_person_set_photo (person, photo);
  lectern_person_set_bio (person, _lectern_store_column_text (stmt, col + 9));
  lectern_person_set_email (person, _lectern_store_column_text (stmt, col + 10));
  lectern_status_from_string (_lectern_store_column_text (stmt, col + 11), &status);
  lectern_person_set_status (person, status);
  lectern_person_set_notes (person, _lectern_store_column_text (stmt, col + 12));

  return person;
}

static gpointer
read_person_row (sqlite3_stmt *stmt)
{
  return read_person (stmt, 0);
}

static gboolean
validate_person (LecternPerson  *person,
                 GError        **error)
{
  const char *name = lectern_person_get_name (person);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }

  if ((guint) lectern_person_get_status (person) >= LECTERN_N_STATUSES)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Unknown invitation status."));
      return FALSE;
    }

  return TRUE;
}

/* Fills in the display first and family names from the full name when
 * they were left empty: "Natalia Gimelshein" -> "Natalia" + "Gimelshein".
 */
static void
complete_person_names (LecternPerson *person)
{
  const char *name = lectern_person_get_name (person);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const char *space;

  if (lectern_person_get_first_name (person) && lectern_person_get_first_name (person)[0])
    return;

  space = strchr (stripped, ' ');
  if (space == NULL)
    {
      lectern_person_set_first_name (person, stripped);
      if (lectern_person_get_family_name (person) == NULL)
        lectern_person_set_family_name (person, "");
      return;
    }

  {
    g_autofree char *first = g_strndup (stripped, space - stripped);
    g_autofree char *family = g_strstrip (g_strdup (space + 1));

    lectern_person_set_first_name (person, first);
    if (lectern_person_get_family_name (person) == NULL ||
        lectern_person_get_family_name (person)[0] == '\0')
      lectern_person_set_family_name (person, family);
  }
}

static void
bind_person (sqlite3_stmt  *stmt,
             LecternPerson *person)
{
  _lectern_store_bind_text (stmt, 1, lectern_person_get_name (person));
  _lectern_store_bind_text (stmt, 2, lectern_person_get_first_name (person));
  _lectern_store_bind_text (stmt, 3, lectern_person_get_family_name (person));
  _lectern_store_bind_text (stmt, 4, lectern_person_get_affiliation (person));
  _lectern_store_bind_text (stmt, 5, lectern_person_get_homepage (person));
  _lectern_store_bind_text (stmt, 6, lectern_person_get_image_path (person));
  bind_blob (stmt, 7, lectern_person_get_photo (person));
  _lectern_store_bind_text (stmt, 8, lectern_person_get_bio (person));
  _lectern_store_bind_text (stmt, 9, lectern_person_get_email (person));
  _lectern_store_bind_text (stmt, 10, lectern_status_to_string (lectern_person_get_status (person)));
  _lectern_store_bind_text (stmt, 11, lectern_person_get_notes (person));
}

gboolean
lectern_store_add_person (LecternStore   *self,
                          LecternPerson  *person,
                          GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error))
    return FALSE;

  complete_person_names (person);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Add “%s”"), _lectern_store_text_or_empty (lectern_person_get_name (person)));
  stmt = _lectern_store_prepare_insert (self, "person",
                                        "INSERT INTO person (name, first_name, family_name, affiliation, homepage,"
                                        " image_path, photo, bio, email, status, notes, id, rev)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_person (stmt, person);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return FALSE;

  lectern_person_set_id (person, id);
  lectern_person_set_rev (person, rev);

  return TRUE;
}

gboolean
lectern_store_update_person (LecternStore   *self,
                             LecternPerson  *person,
                             GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Edit “%s”"), _lectern_store_text_or_empty (lectern_person_get_name (person)));
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE person SET name = ?, first_name = ?, family_name = ?,"
                                        " affiliation = ?, homepage = ?, image_path = ?, photo = ?, bio = ?,"
                                        " email = ?, status = ?, notes = ?, rev = ? WHERE id = ? AND rev = ?",
                                        lectern_person_get_id (person), lectern_person_get_rev (person),
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_person (stmt, person);
  if (!_lectern_store_step_at_rev (self, stmt, "person", lectern_person_get_id (person),
                                   lectern_person_get_name (person), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_person_set_rev (person, rev);
  return TRUE;
}

gboolean
lectern_store_remove_person (LecternStore   *self,
                             LecternPerson  *person,
                             GError        **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Remove “%s”"), _lectern_store_text_or_empty (lectern_person_get_name (person)));
  if (!_lectern_store_remove_row (self, "person", lectern_person_get_id (person), lectern_person_get_rev (person),
                   lectern_person_get_name (person), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

GListModel *
lectern_store_list_people (LecternStore  *self,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self,
                                 "SELECT " PERSON_COLUMNS " FROM person p"
                                 " ORDER BY p.family_name COLLATE NOCASE, p.name COLLATE NOCASE, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_PERSON, read_person_row, error);
}

LecternPerson *
lectern_store_get_person (LecternStore  *self,
                          gint64         id,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _lectern_store_read_row (self, stmt, read_person_row, _("No such person."), error);
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

static gboolean
slug_is_taken (LecternStore *self,
               const char   *slug,
               gint64        except_card)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM card WHERE slug = ?1 AND id IS NOT ?2"
                          " UNION ALL SELECT 1 FROM sponsor WHERE slug = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;

  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  _lectern_store_bind_id (stmt, 2, except_card);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return taken;
}

static char *
unique_slug (LecternStore *self,
             const char   *base)
{
  char *slug = g_strdup (base);

  for (guint i = 2; slug_is_taken (self, slug, 0); i++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s_%u", base, i);
    }

  return slug;
}

/* A free slug for a new card: "dylan", then "dylan_patel", then
 * "dylan_speaker" (a second card of the same person), then numbers.
 */
char *
lectern_store_suggest_slug (LecternStore  *self,
                            LecternPerson *person,
                            LecternRole    role)
{
  g_autofree char *first = NULL;
  g_autofree char *full = NULL;
  g_autofree char *with_role = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), NULL);

  first = lectern_slugify (lectern_person_get_first_name (person) &&
                           lectern_person_get_first_name (person)[0]
                           ? lectern_person_get_first_name (person)
                           : lectern_person_get_name (person));
  if (!slug_is_taken (self, first, 0))
    return g_steal_pointer (&first);

  full = lectern_slugify (lectern_person_get_name (person));
  if (!slug_is_taken (self, full, 0))
    return g_steal_pointer (&full);

  with_role = g_strdup_printf ("%s_%s", first, lectern_role_to_string (role));
  return unique_slug (self, with_role);
}

static gboolean
check_slug (const char  *slug,
            GError     **error)
{
  if (!lectern_slug_is_valid (slug))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” cannot be a card’s file name: use lowercase letters, digits, “_” and “-”."),
                   slug ? slug : "");
      return FALSE;
    }

  return TRUE;
}

LecternCard *
lectern_store_add_card (LecternStore   *self,
                        LecternPerson  *person,
                        LecternRole     role,
                        const char     *slug,
                        GError        **error)
{
  g_autoptr(LecternCard) card = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *chosen = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;
  int position;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), NULL);
  g_return_val_if_fail (role < LECTERN_N_ROLES, NULL);

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  _lectern_store_label_edit (self, _("Add “%s”"), _lectern_store_text_or_empty (lectern_person_get_name (person)));

  chosen = slug ? g_strdup (slug) : lectern_store_suggest_slug (self, person, role);
  if (!check_slug (chosen, error))
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  if (slug_is_taken (self, chosen, 0))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."), chosen);
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  stmt = _lectern_store_prepare (self,
                                 "SELECT COALESCE (MAX (position), 0) + 1 FROM card WHERE role = ?",
                                 error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }
  _lectern_store_bind_text (stmt, 1, lectern_role_to_string (role));
  position = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 1;
  sqlite3_finalize (stmt);

  stmt = _lectern_store_prepare_insert (self, "card",
                                        "INSERT INTO card (person_id, role, slug, position, id, rev) VALUES (?, ?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, lectern_person_get_id (person));
  _lectern_store_bind_text (stmt, 2, lectern_role_to_string (role));
  _lectern_store_bind_text (stmt, 3, chosen);
  sqlite3_bind_int (stmt, 4, position);

  if (!_lectern_store_step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID))
        g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                     _("%s already has a %s card."),
                     lectern_person_get_name (person), lectern_role_to_string (role));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }

  card = lectern_card_new ();
  lectern_card_set_id (card, sqlite3_last_insert_rowid (self->db));
  lectern_card_set_rev (card, rev);
  lectern_card_set_person_id (card, lectern_person_get_id (person));
  lectern_card_set_person (card, person);
  lectern_card_set_role (card, role);
  lectern_card_set_slug (card, chosen);
  lectern_card_set_position (card, position);

  if (!_lectern_store_write_end (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&card);
}

/* A card and, from the columns after its own, its person. */
static gpointer
read_card (sqlite3_stmt *stmt)
{
  LecternCard *card = lectern_card_new ();
  g_autoptr(LecternPerson) person = read_person (stmt, 7);
  LecternRole role = LECTERN_ROLE_SPEAKER;

  lectern_role_from_string (_lectern_store_column_text (stmt, 3), &role);
  lectern_card_set_id (card, sqlite3_column_int64 (stmt, 0));
  lectern_card_set_rev (card, sqlite3_column_int64 (stmt, 1));
  lectern_card_set_person_id (card, sqlite3_column_int64 (stmt, 2));
  lectern_card_set_role (card, role);
  lectern_card_set_slug (card, _lectern_store_column_text (stmt, 4));
  lectern_card_set_position (card, sqlite3_column_int (stmt, 5));
  lectern_card_set_archived (card, sqlite3_column_int (stmt, 6));
  lectern_card_set_person (card, person);

  return card;
}

/* role: a LecternRole, or -1 for every card. Ordered as on the site. */
GListModel *
lectern_store_list_cards (LecternStore  *self,
                          int            role,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (role >= -1 && role < LECTERN_N_ROLES, NULL);

  stmt = _lectern_store_prepare (self,
                                 "SELECT c.id, c.rev, c.person_id, c.role, c.slug, c.position, c.archived, "
                                 PERSON_COLUMNS " FROM card c JOIN person p ON p.id = c.person_id"
                                 " WHERE ?1 IS NULL OR c.role = ?1"
                                 " ORDER BY CASE c.role WHEN 'speaker' THEN 0 WHEN 'panelist' THEN 1"
                                 " WHEN 'moderator' THEN 2 ELSE 3 END, c.position, c.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  if (role >= 0)
    _lectern_store_bind_text (stmt, 1, lectern_role_to_string (role));
  else
    sqlite3_bind_null (stmt, 1);

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_CARD, read_card, error);
}

/* The person's name on a card, for messages and undo labels. */
char *
_lectern_store_card_display_name (LecternStore *self,
                                  LecternCard  *card)
{
  LecternPerson *person = lectern_card_get_person (card);
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (person != NULL && lectern_person_get_name (person) != NULL)
    return g_strdup (lectern_person_get_name (person));

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT p.name FROM card c JOIN person p ON p.id = c.person_id WHERE c.id = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (_lectern_store_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  if (name == NULL)
    name = g_strdup (lectern_card_get_slug (card) ? lectern_card_get_slug (card) : "");

  return name;
}

gboolean
lectern_store_update_card (LecternStore  *self,
                           LecternCard   *card,
                           GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!check_slug (lectern_card_get_slug (card), error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  name = _lectern_store_card_display_name (self, card);
  _lectern_store_label_edit (self, _("Edit “%s”"), name);

  if (slug_is_taken (self, lectern_card_get_slug (card), lectern_card_get_id (card)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."),
                   lectern_card_get_slug (card));
      return _lectern_store_write_end (self, FALSE, NULL);
    }

  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE card SET slug = ?, position = ?, archived = ?, rev = ?"
                                        " WHERE id = ? AND rev = ?",
                                        lectern_card_get_id (card), lectern_card_get_rev (card),
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  _lectern_store_bind_text (stmt, 1, lectern_card_get_slug (card));
  sqlite3_bind_int (stmt, 2, lectern_card_get_position (card));
  sqlite3_bind_int (stmt, 3, lectern_card_get_archived (card));
  if (!_lectern_store_step_at_rev (self, stmt, "card", lectern_card_get_id (card),
                                   lectern_card_get_slug (card), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_card_set_rev (card, rev);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Sponsors                                                            */

#define SPONSOR_COLUMNS \
  "id, rev, name, url, logo, logo_path, tier, slug, position, archived"

static gpointer
read_sponsor (sqlite3_stmt *stmt)
{
  LecternSponsor *sponsor = lectern_sponsor_new ();
  g_autoptr(GBytes) logo = _lectern_store_column_blob (stmt, 4);

  lectern_sponsor_set_id (sponsor, sqlite3_column_int64 (stmt, 0));
  lectern_sponsor_set_rev (sponsor, sqlite3_column_int64 (stmt, 1));
  lectern_sponsor_set_name (sponsor, _lectern_store_column_text (stmt, 2));
  lectern_sponsor_set_url (sponsor, _lectern_store_column_text (stmt, 3));
  lectern_sponsor_set_logo (sponsor, logo);
  lectern_sponsor_set_logo_path (sponsor, _lectern_store_column_text (stmt, 5));
  lectern_sponsor_set_tier (sponsor, _lectern_store_column_text (stmt, 6));
  lectern_sponsor_set_slug (sponsor, _lectern_store_column_text (stmt, 7));
  lectern_sponsor_set_position (sponsor, sqlite3_column_int (stmt, 8));
  lectern_sponsor_set_archived (sponsor, sqlite3_column_int (stmt, 9));

  return sponsor;
}

static void
bind_sponsor (sqlite3_stmt   *stmt,
              LecternSponsor *sponsor)
{
  _lectern_store_bind_text (stmt, 1, lectern_sponsor_get_name (sponsor));
  _lectern_store_bind_text (stmt, 2, lectern_sponsor_get_url (sponsor));
  bind_blob (stmt, 3, lectern_sponsor_get_logo (sponsor));
  _lectern_store_bind_text (stmt, 4, lectern_sponsor_get_logo_path (sponsor));
  _lectern_store_bind_text (stmt, 5, lectern_sponsor_get_tier (sponsor));
  _lectern_store_bind_text (stmt, 6, lectern_sponsor_get_slug (sponsor));
  sqlite3_bind_int (stmt, 7, lectern_sponsor_get_position (sponsor));
  sqlite3_bind_int (stmt, 8, lectern_sponsor_get_archived (sponsor));
}

gboolean
lectern_store_add_sponsor (LecternStore    *self,
                           LecternSponsor  *sponsor,
                           GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (lectern_sponsor_get_name (sponsor) == NULL || lectern_sponsor_get_name (sponsor)[0] == '\0')
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("A sponsor needs a name."));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Add “%s”"), lectern_sponsor_get_name (sponsor));

  if (lectern_sponsor_get_slug (sponsor) == NULL || lectern_sponsor_get_slug (sponsor)[0] == '\0')
    {
      g_autofree char *base = lectern_slugify (lectern_sponsor_get_name (sponsor));
      g_autofree char *slug = unique_slug (self, base);

      lectern_sponsor_set_slug (sponsor, slug);
    }

  if (!check_slug (lectern_sponsor_get_slug (sponsor), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (slug_is_taken (self, lectern_sponsor_get_slug (sponsor), 0))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("Another card already uses the file name “%s”."),
                   lectern_sponsor_get_slug (sponsor));
      return _lectern_store_write_end (self, FALSE, NULL);
    }

  if (lectern_sponsor_get_position (sponsor) <= 0)
    lectern_sponsor_set_position (sponsor,
                                  _lectern_store_query_int (self,
                                                            "SELECT COALESCE (MAX (position), 0) + 1 FROM sponsor",
                                                            1));

  stmt = _lectern_store_prepare_insert (self, "sponsor",
                                        "INSERT INTO sponsor (name, url, logo, logo_path, tier, slug, position, archived,"
                                        " id, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_sponsor (stmt, sponsor);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return FALSE;

  lectern_sponsor_set_id (sponsor, id);
  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

gboolean
lectern_store_update_sponsor (LecternStore    *self,
                              LecternSponsor  *sponsor,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!check_slug (lectern_sponsor_get_slug (sponsor), error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Edit “%s”"), _lectern_store_text_or_empty (lectern_sponsor_get_name (sponsor)));
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE sponsor SET name = ?, url = ?, logo = ?, logo_path = ?,"
                                        " tier = ?, slug = ?, position = ?, archived = ?, rev = ? WHERE id = ? AND rev = ?",
                                        lectern_sponsor_get_id (sponsor), lectern_sponsor_get_rev (sponsor),
                                        &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  bind_sponsor (stmt, sponsor);
  if (!_lectern_store_step_at_rev (self, stmt, "sponsor", lectern_sponsor_get_id (sponsor),
                                   lectern_sponsor_get_name (sponsor), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

GListModel *
lectern_store_list_sponsors (LecternStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self,
                                 "SELECT " SPONSOR_COLUMNS " FROM sponsor ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_SPONSOR, read_sponsor, error);
}

LecternSponsor *
lectern_store_get_sponsor (LecternStore  *self,
                           gint64         id,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  stmt = _lectern_store_prepare (self, "SELECT " SPONSOR_COLUMNS " FROM sponsor WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return _lectern_store_read_row (self, stmt, read_sponsor, _("No such sponsor."), error);
}
