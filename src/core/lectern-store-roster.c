/* lectern-store-roster.c: the site's lists of cards and sponsors
 *
 * Their order on the site (moving a card or a sponsor among its list),
 * removing one, and adding a person by a typed name: who that name is,
 * and whether it brings back a hidden card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-store-private.h"

/* ------------------------------------------------------------------ */
/* Order on the site                                                   */

typedef struct
{
  gint64 id;
  int    position;
} Placed;

/* Puts row id of table at the 0-based position among the rows that
 * scope selects (an SQL condition, with ?1 bound to scope_value), and
 * renumbers them 1..N. Only rows whose position changes are written,
 * so a colleague editing another card is not disturbed needlessly.
 * Returns the row's new position and rev.
 */
gboolean
_lectern_store_move_row (LecternStore  *self,
                         const char    *table,
                         const char    *scope,
                         const char    *scope_value,
                         gint64         id,
                         guint          position,
                         int           *new_position,
                         gint64        *new_rev,
                         GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *rev_sql = NULL;
  sqlite3_stmt *stmt;
  Placed moved = { 0, 0 };
  guint from = G_MAXUINT;
  int rc;

  select_sql = g_strdup_printf ("SELECT id, position FROM %s WHERE %s ORDER BY position, id",
                                table, scope);
  if (!(stmt = _lectern_store_prepare (self, select_sql, error)))
    return FALSE;
  if (scope_value != NULL)
    _lectern_store_bind_text (stmt, 1, scope_value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Placed row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      if (row.id == id)
        {
          from = rows->len;
          moved = row;
        }
      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _lectern_store_set_error_from_db (self, rc, error);

  if (from == G_MAXUINT)
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_NOT_FOUND,
                   _("No such row."));
      return FALSE;
    }

  position = MIN (position, rows->len - 1);
  g_array_remove_index (rows, from);
  g_array_insert_val (rows, position, moved);

  update_sql = g_strdup_printf ("UPDATE %s SET position = ?, rev = ? WHERE id = ?", table);
  for (guint i = 0; i < rows->len; i++)
    {
      const Placed *row = &g_array_index (rows, Placed, i);
      gint64 rev;

      if (row->position == (int) i + 1)
        continue;

      if ((rev = _lectern_store_txn_rev (self, error)) <= 0 ||
          !(stmt = _lectern_store_prepare (self, update_sql, error)))
        return FALSE;
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, rev);
      sqlite3_bind_int64 (stmt, 3, row->id);
      if (!_lectern_store_step_done (self, stmt, error))
        return FALSE;
    }

  rev_sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  *new_position = position + 1;
  *new_rev = _lectern_store_query_int (self, rev_sql, 0);

  return TRUE;
}

/* Fails, as report_stale does, unless row id of table is at rev. */
gboolean
_lectern_store_check_rev (LecternStore  *self,
                          const char    *table,
                          gint64         id,
                          gint64         rev,
                          const char    *what,
                          GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);

  if (_lectern_store_query_int (self, sql, -1) == rev)
    return TRUE;

  return _lectern_store_report_stale (self, table, id, what, error);
}

/* The one way to reorder cards: drag and drop, Alt+Up/Down and "Move to
 * position…" all come here. position is 0-based among the cards of the
 * card's role (past the end means last); the role's cards are then
 * numbered 1..N. A card changed by someone else since it was read is a
 * conflict, and nothing moves.
 */
gboolean
lectern_store_move_card (LecternStore  *self,
                         LecternCard   *card,
                         guint          position,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  name = _lectern_store_card_display_name (self, card);
  _lectern_store_label_edit (self, _("Move “%s”"), name);
  if (!_lectern_store_check_rev (self, "card", lectern_card_get_id (card), lectern_card_get_rev (card),
                  name, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!(stmt = _lectern_store_prepare (self, "SELECT role FROM card WHERE id = ?", error)))
    return _lectern_store_write_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    role = g_strdup (_lectern_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (!_lectern_store_move_row (self, "card", "role = ?1", role, lectern_card_get_id (card), position,
                 &new_position, &rev, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_card_set_position (card, new_position);
  lectern_card_set_rev (card, rev);
  return TRUE;
}

/* The list a card of this role is on, for the undo step's name. */
static const char *
role_list_name (LecternStore *self,
                LecternCard  *card)
{
  LecternRole role = lectern_card_get_role (card);
  sqlite3_stmt *stmt;

  /* a copy made from the list may carry only its id */
  if (sqlite3_prepare_v2 (self->db, "SELECT role FROM card WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, lectern_card_get_id (card));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        lectern_role_from_string (_lectern_store_column_text (stmt, 0), &role);
      sqlite3_finalize (stmt);
    }

  return lectern_role_get_list_name (role);
}

/* Removes one card (the person stays, with any other cards). */
gboolean
lectern_store_remove_card (LecternStore  *self,
                           LecternCard   *card,
                           GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CARD (card), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  name = _lectern_store_card_display_name (self, card);
  /* Translators: an undo step; a name, then a list, e.g. "Speakers" */
  _lectern_store_label_edit (self, _("Remove “%s” from %s"), name, role_list_name (self, card));

  if (!_lectern_store_remove_row (self, "card", lectern_card_get_id (card), lectern_card_get_rev (card),
                   name, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* As lectern_store_move_card(), among all sponsors. */
gboolean
lectern_store_move_sponsor (LecternStore    *self,
                            LecternSponsor  *sponsor,
                            guint            position,
                            GError         **error)
{
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Move “%s”"), _lectern_store_text_or_empty (lectern_sponsor_get_name (sponsor)));
  if (!_lectern_store_check_rev (self, "sponsor", lectern_sponsor_get_id (sponsor),
                  lectern_sponsor_get_rev (sponsor), lectern_sponsor_get_name (sponsor), error) ||
      !_lectern_store_move_row (self, "sponsor", "1", NULL, lectern_sponsor_get_id (sponsor), position,
                 &new_position, &rev, error))
    return _lectern_store_write_end (self, FALSE, NULL);

  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_sponsor_set_position (sponsor, new_position);
  lectern_sponsor_set_rev (sponsor, rev);
  return TRUE;
}

/* Removes a sponsor; slots it sponsored keep their place, unsponsored. */
gboolean
lectern_store_remove_sponsor (LecternStore    *self,
                              LecternSponsor  *sponsor,
                              GError         **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_SPONSOR (sponsor), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Remove “%s”"), _lectern_store_text_or_empty (lectern_sponsor_get_name (sponsor)));
  if (!_lectern_store_remove_row (self, "sponsor", lectern_sponsor_get_id (sponsor),
                   lectern_sponsor_get_rev (sponsor), lectern_sponsor_get_name (sponsor), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* ------------------------------------------------------------------ */
/* Adding by name                                                      */

/**
 * lectern_store_find_person_by_name:
 * @name: a name, in any case
 *
 * Returns: (transfer full) (nullable): the person of that name
 */
LecternPerson *
lectern_store_find_person_by_name (LecternStore *self,
                                   const char   *name)
{
  g_autoptr(GListModel) people = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(people = lectern_store_list_people (self, NULL)))
    return NULL;

  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LecternPerson) person = g_list_model_get_item (people, i);
      g_autofree char *folded = g_utf8_casefold (_lectern_store_text_or_empty (lectern_person_get_name (person)), -1);

      if (g_str_equal (folded, wanted))
        return g_steal_pointer (&person);
    }

  return NULL;
}

static LecternCard *
find_card (LecternStore  *self,
           LecternPerson *person,
           LecternRole    role)
{
  g_autoptr(GListModel) cards = lectern_store_list_cards (self, role, NULL);

  for (guint i = 0; cards != NULL && i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(LecternCard) card = g_list_model_get_item (cards, i);

      if (lectern_card_get_person_id (card) == lectern_person_get_id (person))
        return g_steal_pointer (&card);
    }

  return NULL;
}

/**
 * lectern_store_add_named:
 * @name: who to add
 * @role: the list to add them to, or %LECTERN_N_ROLES for none (the
 *   workshop's people only)
 * @label: the undo step's name
 * @id: (out) (optional): the row to show: the card, or the person
 *
 * Adds someone by name, as one undo step. In a list, the person of that
 * name already in the workshop gets the card (their hidden card shown
 * again), never a second entry; without a list, a new person is added.
 */
gboolean
lectern_store_add_named (LecternStore  *self,
                         const char    *name,
                         LecternRole    role,
                         const char    *label,
                         gint64        *id,
                         GError       **error)
{
  g_autoptr(LecternPerson) person = NULL;
  g_autoptr(LecternCard) card = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && label != NULL, FALSE);
  g_return_val_if_fail (role <= LECTERN_N_ROLES, FALSE);

  if (!lectern_store_begin_action (self, label, error))
    return FALSE;

  if (role != LECTERN_N_ROLES)
    person = lectern_store_find_person_by_name (self, name);
  if (person == NULL)
    {
      person = lectern_person_new ();
      lectern_person_set_name (person, name);
      ok = lectern_store_add_person (self, person, error);
    }

  if (ok && role != LECTERN_N_ROLES)
    {
      card = find_card (self, person, role);
      if (card != NULL && lectern_card_get_archived (card))
        {
          lectern_card_set_archived (card, FALSE);
          ok = lectern_store_update_card (self, card, error);
        }
      else if (card == NULL)
        ok = (card = lectern_store_add_card (self, person, role, NULL, error)) != NULL;
    }

  if (!ok)
    {
      lectern_store_rollback (self);
      return FALSE;
    }
  if (!lectern_store_commit (self, error))
    return FALSE;

  if (id != NULL)
    *id = card != NULL ? lectern_card_get_id (card) : lectern_person_get_id (person);
  return TRUE;
}

/**
 * lectern_store_set_role:
 * @card: (nullable): the person's card for @role, if they have one
 * @active: whether the person is in @role's list
 * @label: the undo step's name
 *
 * Puts the person in a list or takes them out, as one undo step: a card
 * taken out is hidden (archived), never removed, so that it comes back
 * with its page name and place; a person put in gets their hidden card
 * back, or a new one.
 */
gboolean
lectern_store_set_role (LecternStore   *self,
                        LecternPerson  *person,
                        LecternRole     role,
                        LecternCard    *card,
                        gboolean        active,
                        const char     *label,
                        GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_PERSON (person), FALSE);
  g_return_val_if_fail (!card || LECTERN_IS_CARD (card), FALSE);
  g_return_val_if_fail (role < LECTERN_N_ROLES && label != NULL, FALSE);

  if (!lectern_store_begin_action (self, label, error))
    return FALSE;

  if (card != NULL)
    {
      g_autoptr(LecternCard) copy = lectern_card_copy (card);

      lectern_card_set_archived (copy, !active);
      ok = lectern_store_update_card (self, copy, error);
    }
  else if (active)
    {
      g_autoptr(LecternCard) added = lectern_store_add_card (self, person, role, NULL, error);

      ok = added != NULL;
    }

  if (!ok)
    {
      lectern_store_rollback (self);
      return FALSE;
    }

  return lectern_store_commit (self, error);
}
