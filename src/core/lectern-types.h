/* lectern-types.h: enumerations shared by the core entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A card on the site: which list of the home page shows the person. */
typedef enum
{
  LECTERN_ROLE_SPEAKER,
  LECTERN_ROLE_PANELIST,
  LECTERN_ROLE_MODERATOR,
  LECTERN_ROLE_ORGANIZER,
  LECTERN_N_ROLES /*< skip >*/
} LecternRole;

/* What a slot on the schedule is. */
typedef enum
{
  LECTERN_SLOT_TALK,
  LECTERN_SLOT_ORAL,
  LECTERN_SLOT_CONTRIBUTED,
  LECTERN_SLOT_KEYNOTE,
  LECTERN_SLOT_PANEL,
  LECTERN_SLOT_POSTER,
  LECTERN_SLOT_BREAK,
  LECTERN_SLOT_LUNCH,
  LECTERN_SLOT_AWARDS,
  LECTERN_SLOT_REMARKS,
  LECTERN_SLOT_SOCIAL,
  LECTERN_N_SLOT_KINDS /*< skip >*/
} LecternSlotKind;

/* How a person appears in a slot. */
typedef enum
{
  LECTERN_APPEARANCE_SPEAKER,
  LECTERN_APPEARANCE_PANELIST,
  LECTERN_APPEARANCE_MODERATOR,
  LECTERN_APPEARANCE_AUTHOR,
  LECTERN_N_APPEARANCE_ROLES /*< skip >*/
} LecternAppearanceRole;

/* Private to the organizers: where an invitation stands. */
typedef enum
{
  LECTERN_STATUS_NONE,
  LECTERN_STATUS_INVITED,
  LECTERN_STATUS_CONFIRMED,
  LECTERN_STATUS_DECLINED,
  LECTERN_N_STATUSES /*< skip >*/
} LecternStatus;

/* The schedule's checks (lectern-schedule-checks.c), and what a failing
 * one does: nothing, a warning, or no export until it is fixed. */
typedef enum
{
  LECTERN_CHECK_ROOM_OVERLAP,
  LECTERN_CHECK_PERSON_CLASH,
  LECTERN_CHECK_UNAVAILABLE,
  LECTERN_CHECK_CHANGEOVER,
  LECTERN_CHECK_PANEL_MODERATOR,
  LECTERN_CHECK_TALK_SPEAKER,
  LECTERN_CHECK_OUTSIDE_HOURS,
  LECTERN_CHECK_EMPTY_SESSION,
  LECTERN_N_CHECKS /*< skip >*/
} LecternCheck;

typedef enum
{
  LECTERN_SEVERITY_IGNORE,
  LECTERN_SEVERITY_WARN,
  LECTERN_SEVERITY_BLOCK,
  LECTERN_N_SEVERITIES /*< skip >*/
} LecternSeverity;

const char *lectern_check_to_string           (LecternCheck           check);
gboolean    lectern_check_from_string         (const char            *str,
                                               LecternCheck          *check);
const char *lectern_severity_to_string        (LecternSeverity        severity);
gboolean    lectern_severity_from_string      (const char            *str,
                                               LecternSeverity       *severity);

const char *lectern_role_to_string            (LecternRole            role);
gboolean    lectern_role_from_string          (const char            *str,
                                               LecternRole           *role);
const char *lectern_role_get_site_category    (LecternRole            role);
const char *lectern_role_get_list_name        (LecternRole            role);
const char *lectern_slot_kind_to_string       (LecternSlotKind        kind);
gboolean    lectern_slot_kind_from_string     (const char            *str,
                                               LecternSlotKind       *kind);
gboolean    lectern_slot_kind_is_plain        (LecternSlotKind        kind);
gboolean    lectern_slot_kind_is_talk         (LecternSlotKind        kind);
const char *lectern_appearance_role_to_string (LecternAppearanceRole  role);
gboolean    lectern_appearance_role_from_string (const char          *str,
                                                 LecternAppearanceRole *role);
const char *lectern_status_to_string          (LecternStatus          status);
gboolean    lectern_status_from_string        (const char            *str,
                                               LecternStatus         *status);

gboolean    lectern_slug_is_valid             (const char            *slug);
char       *lectern_slugify                   (const char            *text);

G_END_DECLS
