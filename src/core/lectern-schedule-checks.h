/* lectern-schedule-checks.h: what is wrong with a schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-schedule-plan.h"
#include "lectern-store.h"

G_BEGIN_DECLS

/* One failing check, about one slot (and another), a person or a session. */
typedef struct
{
  LecternCheck     check;
  LecternSeverity  severity;
  char            *message;
  gint64           slot_id;
  gint64           other_slot_id;
  gint64           person_id;
  gint64           session_id;
} LecternProblem;

void lectern_problem_free (LecternProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternProblem, lectern_problem_free)

/* Everything the checks read, read once from the store. */
typedef struct _LecternScheduleFacts LecternScheduleFacts;

LecternScheduleFacts *lectern_schedule_facts_new         (LecternStore          *store,
                                                          GListModel            *slots,
                                                          GListModel            *pool,
                                                          GError               **error);
LecternScheduleFacts *lectern_schedule_facts_read        (LecternStore          *store,
                                                          GError               **error);
void                  lectern_schedule_facts_free        (LecternScheduleFacts  *facts);
GListModel           *lectern_schedule_facts_get_slots   (LecternScheduleFacts  *facts);
void                  lectern_schedule_facts_set_severity (LecternScheduleFacts *facts,
                                                          LecternCheck           check,
                                                          LecternSeverity        severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternScheduleFacts, lectern_schedule_facts_free)

GPtrArray            *lectern_schedule_check             (LecternScheduleFacts  *facts,
                                                          LecternSchedulePlan   *plan);
guint                 lectern_schedule_count_blocking    (GPtrArray             *problems);

G_END_DECLS
