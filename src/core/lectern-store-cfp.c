/* lectern-store-cfp.c: the call for papers in the workshop file
 *
 * Tables cfp (one row: where to submit, the call's text, whether the
 * site shows it), cfp_date (the important dates, in the organizers'
 * order) and cfp_topic (groups, parent_id NULL, and their items). Each
 * change is one undo step, as every edit of the file is; a date moved
 * by a colleague since it was read is a conflict, and nothing is
 * written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lectern-cfp-deadline.h"
#include "lectern-store-cfp.h"
#include "lectern-store-private.h"
#include "lectern-validate.h"

/* ------------------------------------------------------------------ */
/* The call                                                            */

LecternCfp *
lectern_store_get_cfp (LecternStore  *self,
                       GError       **error)
{
  g_autoptr(LecternCfp) cfp = lectern_cfp_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = _lectern_store_prepare (self, "SELECT rev, submission_url, submission_venue, intro, details, published"
                                             " FROM cfp WHERE id = 1", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      lectern_cfp_set_rev (cfp, sqlite3_column_int64 (stmt, 0));
      lectern_cfp_set_submission_url (cfp, _lectern_store_column_text (stmt, 1));
      lectern_cfp_set_submission_venue (cfp, _lectern_store_column_text (stmt, 2));
      lectern_cfp_set_intro (cfp, _lectern_store_column_text (stmt, 3));
      lectern_cfp_set_details (cfp, _lectern_store_column_text (stmt, 4));
      lectern_cfp_set_published (cfp, sqlite3_column_int (stmt, 5) != 0);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _lectern_store_set_error_from_db (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return NULL;
    }

  return g_steal_pointer (&cfp);
}

gboolean
lectern_store_update_cfp (LecternStore  *self,
                          LecternCfp    *cfp,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP (cfp), FALSE);

  if (!lectern_validate_url (lectern_cfp_get_submission_url (cfp)))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a web address (give one such as https://openreview.net/group?id=…)."),
                   _lectern_store_text_or_empty (lectern_cfp_get_submission_url (cfp)));
      return FALSE;
    }

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, "%s", _("Edit the call for papers"));
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE cfp SET submission_url = ?, submission_venue = ?, intro = ?,"
                                        " details = ?, published = ?, rev = ? WHERE id = ? AND rev = ?",
                                        1, lectern_cfp_get_rev (cfp), &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);

  _lectern_store_bind_text (stmt, 1, lectern_cfp_get_submission_url (cfp));
  _lectern_store_bind_text (stmt, 2, lectern_cfp_get_submission_venue (cfp));
  _lectern_store_bind_text (stmt, 3, lectern_cfp_get_intro (cfp));
  _lectern_store_bind_text (stmt, 4, lectern_cfp_get_details (cfp));
  sqlite3_bind_int (stmt, 5, lectern_cfp_get_published (cfp) ? 1 : 0);
  if (!_lectern_store_step_at_rev (self, stmt, "cfp", 1, _("The call for papers"), error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_cfp_set_rev (cfp, rev);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Important dates                                                     */

#define DATE_COLUMNS "id, rev, kind, label, date, time, zone, note, extended_from, position"

static gpointer
read_date (sqlite3_stmt *stmt)
{
  LecternCfpDate *date = lectern_cfp_date_new ();

  lectern_cfp_date_set_id (date, sqlite3_column_int64 (stmt, 0));
  lectern_cfp_date_set_rev (date, sqlite3_column_int64 (stmt, 1));
  lectern_cfp_date_set_kind (date, _lectern_store_column_text (stmt, 2));
  lectern_cfp_date_set_label (date, _lectern_store_column_text (stmt, 3));
  lectern_cfp_date_set_date (date, _lectern_store_column_text (stmt, 4));
  lectern_cfp_date_set_time (date, _lectern_store_column_text (stmt, 5));
  lectern_cfp_date_set_zone (date, _lectern_store_column_text (stmt, 6));
  lectern_cfp_date_set_note (date, _lectern_store_column_text (stmt, 7));
  lectern_cfp_date_set_extended_from (date, _lectern_store_column_text (stmt, 8));
  lectern_cfp_date_set_position (date, sqlite3_column_int (stmt, 9));

  return date;
}

/* The important dates, in the organizers' order. */
GListModel *
lectern_store_list_cfp_dates (LecternStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = _lectern_store_prepare (self, "SELECT " DATE_COLUMNS " FROM cfp_date ORDER BY position, id", error)))
    return NULL;

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_CFP_DATE, read_date, error);
}

/**
 * lectern_store_add_cfp_date:
 * @kind: "submission", "notification", "camera-ready", "workshop" or
 *   "other"
 * @label: (nullable): the organizers' own words ("Abstract deadline"),
 *   or %NULL for the kind's
 *
 * Adds a date, still to be set (TBD), after the others.
 *
 * Returns: (transfer full) (nullable): the date
 */
LecternCfpDate *
lectern_store_add_cfp_date (LecternStore  *self,
                            const char    *kind,
                            const char    *label,
                            GError       **error)
{
  g_autoptr(LecternCfpDate) date = lectern_cfp_date_new ();
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!lectern_cfp_kind_is_valid (kind))
    {
      g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                   _("“%s” is not a kind of date (submission, notification, camera-ready, workshop or other)."),
                   _lectern_store_text_or_empty (kind));
      return NULL;
    }

  lectern_cfp_date_set_kind (date, kind);
  lectern_cfp_date_set_label (date, label != NULL ? label : "");
  lectern_cfp_date_set_date (date, "");
  lectern_cfp_date_set_time (date, "");
  lectern_cfp_date_set_zone (date, "");
  lectern_cfp_date_set_note (date, "");
  lectern_cfp_date_set_extended_from (date, "");

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  /* Translators: an undo step; %s is a date's name, e.g. "Submission deadline" */
  _lectern_store_label_edit (self, _("Add the date “%s”"), lectern_cfp_date_get_name (date));
  stmt = _lectern_store_prepare_insert (self, "cfp_date",
                                        "INSERT INTO cfp_date (kind, label, position, id, rev)"
                                        " VALUES (?, ?, (SELECT COALESCE (MAX (position), 0) + 1 FROM cfp_date), ?, ?)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }
  _lectern_store_bind_text (stmt, 1, kind);
  _lectern_store_bind_text (stmt, 2, lectern_cfp_date_get_label (date));
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return NULL;

  lectern_cfp_date_set_id (date, id);
  lectern_cfp_date_set_rev (date, rev);
  lectern_cfp_date_set_position (date, (int) _lectern_store_query_int (self, "SELECT MAX (position) FROM cfp_date", 0));

  return g_steal_pointer (&date);
}

gboolean
lectern_store_update_cfp_date (LecternStore    *self,
                               LecternCfpDate  *date,
                               GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (date), FALSE);

  if (!lectern_cfp_date_validate (date, error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  /* Translators: an undo step; %s is a date's name, e.g. "Submission deadline" */
  _lectern_store_label_edit (self, _("Edit the date “%s”"), lectern_cfp_date_get_name (date));
  stmt = _lectern_store_prepare_update (self,
                                        "UPDATE cfp_date SET kind = ?, label = ?, date = ?, time = ?, zone = ?,"
                                        " note = ?, extended_from = ?, rev = ? WHERE id = ? AND rev = ?",
                                        lectern_cfp_date_get_id (date), lectern_cfp_date_get_rev (date), &rev, error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);
  _lectern_store_bind_text (stmt, 1, lectern_cfp_date_get_kind (date));
  _lectern_store_bind_text (stmt, 2, lectern_cfp_date_get_label (date));
  _lectern_store_bind_text (stmt, 3, lectern_cfp_date_get_date (date));
  _lectern_store_bind_text (stmt, 4, lectern_cfp_date_get_time (date));
  _lectern_store_bind_text (stmt, 5, lectern_cfp_date_get_zone (date));
  _lectern_store_bind_text (stmt, 6, lectern_cfp_date_get_note (date));
  _lectern_store_bind_text (stmt, 7, lectern_cfp_date_get_extended_from (date));
  if (!_lectern_store_step_at_rev (self, stmt, "cfp_date", lectern_cfp_date_get_id (date), lectern_cfp_date_get_name (date), error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_cfp_date_set_rev (date, rev);
  return TRUE;
}

gboolean
lectern_store_remove_cfp_date (LecternStore    *self,
                               LecternCfpDate  *date,
                               GError         **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (date), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  /* Translators: an undo step; %s is a date's name, e.g. "Submission deadline" */
  _lectern_store_label_edit (self, _("Remove the date “%s”"), lectern_cfp_date_get_name (date));
  if (!_lectern_store_remove_row (self, "cfp_date", lectern_cfp_date_get_id (date), lectern_cfp_date_get_rev (date),
                                  lectern_cfp_date_get_name (date), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* position: 0-based among the dates (past the end: last) */
gboolean
lectern_store_move_cfp_date (LecternStore    *self,
                             LecternCfpDate  *date,
                             guint            position,
                             GError         **error)
{
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (date), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Move “%s”"), lectern_cfp_date_get_name (date));
  if (!_lectern_store_check_rev (self, "cfp_date", lectern_cfp_date_get_id (date), lectern_cfp_date_get_rev (date),
                                 lectern_cfp_date_get_name (date), error) ||
      !_lectern_store_move_row (self, "cfp_date", "1", NULL, lectern_cfp_date_get_id (date), position,
                                &new_position, &rev, error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_cfp_date_set_position (date, new_position);
  lectern_cfp_date_set_rev (date, rev);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Topics                                                              */

static gpointer
read_topic (sqlite3_stmt *stmt)
{
  LecternCfpTopic *topic = lectern_cfp_topic_new ();

  lectern_cfp_topic_set_id (topic, sqlite3_column_int64 (stmt, 0));
  lectern_cfp_topic_set_rev (topic, sqlite3_column_int64 (stmt, 1));
  lectern_cfp_topic_set_parent_id (topic, sqlite3_column_int64 (stmt, 2));
  lectern_cfp_topic_set_text (topic, _lectern_store_column_text (stmt, 3));
  lectern_cfp_topic_set_position (topic, sqlite3_column_int (stmt, 4));

  return topic;
}

/* The groups (parent_id 0), or the items of one group, in order */
GListModel *
lectern_store_list_cfp_topics (LecternStore  *self,
                               gint64         parent_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!(stmt = _lectern_store_prepare (self, "SELECT id, rev, COALESCE (parent_id, 0), text, position FROM cfp_topic"
                                             " WHERE parent_id IS ?1 ORDER BY position, id", error)))
    return NULL;
  _lectern_store_bind_id (stmt, 1, parent_id);

  return _lectern_store_read_rows (self, stmt, LECTERN_TYPE_CFP_TOPIC, read_topic, error);
}

static gboolean
topic_text_is_valid (const char  *text,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped != '\0' && strchr (stripped, '\n') == NULL)
    return TRUE;

  g_set_error_literal (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                       _("A topic is one line of text, not empty."));
  return FALSE;
}

/**
 * lectern_store_add_cfp_topic:
 * @parent_id: the group's id, or 0 for a new group
 *
 * Returns: (transfer full) (nullable): the topic, after its siblings
 */
LecternCfpTopic *
lectern_store_add_cfp_topic (LecternStore  *self,
                             gint64         parent_id,
                             const char    *text,
                             GError       **error)
{
  g_autoptr(LecternCfpTopic) topic = lectern_cfp_topic_new ();
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), NULL);

  if (!topic_text_is_valid (text, error))
    return NULL;

  if (!_lectern_store_write_begin (self, error))
    return NULL;

  /* Translators: an undo step; %s is a topic of the call for papers */
  _lectern_store_label_edit (self, _("Add the topic “%s”"), text);
  stmt = _lectern_store_prepare_insert (self, "cfp_topic",
                                        "INSERT INTO cfp_topic (parent_id, text, position, id, rev)"
                                        " VALUES (?1, ?2, (SELECT COALESCE (MAX (position), 0) + 1 FROM cfp_topic"
                                        " WHERE parent_id IS ?1), ?3, ?4)",
                                        &rev, error);
  if (stmt == NULL)
    {
      _lectern_store_write_end (self, FALSE, NULL);
      return NULL;
    }
  _lectern_store_bind_id (stmt, 1, parent_id);
  _lectern_store_bind_text (stmt, 2, text);
  if (!_lectern_store_finish_insert (self, stmt, &id, error))
    return NULL;

  lectern_cfp_topic_set_id (topic, id);
  lectern_cfp_topic_set_rev (topic, rev);
  lectern_cfp_topic_set_parent_id (topic, parent_id);
  lectern_cfp_topic_set_text (topic, text);

  return g_steal_pointer (&topic);
}

gboolean
lectern_store_update_cfp_topic (LecternStore     *self,
                                LecternCfpTopic  *topic,
                                GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 rev;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (topic), FALSE);

  if (!topic_text_is_valid (lectern_cfp_topic_get_text (topic), error))
    return FALSE;

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  /* Translators: an undo step; %s is a topic of the call for papers */
  _lectern_store_label_edit (self, _("Edit the topic “%s”"), lectern_cfp_topic_get_text (topic));
  stmt = _lectern_store_prepare_update (self, "UPDATE cfp_topic SET text = ?, rev = ? WHERE id = ? AND rev = ?",
                                        lectern_cfp_topic_get_id (topic), lectern_cfp_topic_get_rev (topic), &rev,
                                        error);
  if (stmt == NULL)
    return _lectern_store_write_end (self, FALSE, NULL);
  _lectern_store_bind_text (stmt, 1, lectern_cfp_topic_get_text (topic));
  if (!_lectern_store_step_at_rev (self, stmt, "cfp_topic", lectern_cfp_topic_get_id (topic),
                                   lectern_cfp_topic_get_text (topic), error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_cfp_topic_set_rev (topic, rev);
  return TRUE;
}

/* A group goes with its items (one undo step) */
gboolean
lectern_store_remove_cfp_topic (LecternStore     *self,
                                LecternCfpTopic  *topic,
                                GError          **error)
{
  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (topic), FALSE);

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  /* Translators: an undo step; %s is a topic of the call for papers */
  _lectern_store_label_edit (self, _("Remove the topic “%s”"), lectern_cfp_topic_get_text (topic));
  if (!_lectern_store_remove_row (self, "cfp_topic", lectern_cfp_topic_get_id (topic),
                                  lectern_cfp_topic_get_rev (topic), lectern_cfp_topic_get_text (topic), error))
    return _lectern_store_write_end (self, FALSE, NULL);

  return _lectern_store_write_end (self, TRUE, error);
}

/* position: 0-based among the topic's siblings (past the end: last) */
gboolean
lectern_store_move_cfp_topic (LecternStore     *self,
                              LecternCfpTopic  *topic,
                              guint             position,
                              GError          **error)
{
  g_autofree char *parent = NULL;
  gint64 rev = 0;
  int new_position = 0;

  g_return_val_if_fail (LECTERN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LECTERN_IS_CFP_TOPIC (topic), FALSE);

  if (lectern_cfp_topic_get_parent_id (topic) > 0)
    parent = g_strdup_printf ("%" G_GINT64_FORMAT, lectern_cfp_topic_get_parent_id (topic));

  if (!_lectern_store_write_begin (self, error))
    return FALSE;

  _lectern_store_label_edit (self, _("Move “%s”"), lectern_cfp_topic_get_text (topic));
  if (!_lectern_store_check_rev (self, "cfp_topic", lectern_cfp_topic_get_id (topic),
                                 lectern_cfp_topic_get_rev (topic), lectern_cfp_topic_get_text (topic), error) ||
      !_lectern_store_move_row (self, "cfp_topic", parent != NULL ? "parent_id = CAST (?1 AS INTEGER)" : "parent_id IS NULL",
                                parent, lectern_cfp_topic_get_id (topic), position, &new_position, &rev, error))
    return _lectern_store_write_end (self, FALSE, NULL);
  if (!_lectern_store_write_end (self, TRUE, error))
    return FALSE;

  lectern_cfp_topic_set_position (topic, new_position);
  lectern_cfp_topic_set_rev (topic, rev);
  return TRUE;
}
