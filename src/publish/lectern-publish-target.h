/* lectern-publish-target.h: where a workshop's site is published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LECTERN_PUBLISH_GITHUB,   /* straight to a GitHub repository */
  LECTERN_PUBLISH_CLONE,    /* through a local clone */
} LecternPublishKind;

/* Remembered per workshop file on the organizer's machine (GSettings,
 * "(ssss)": kind, repository or clone folder, branch, API URL); the
 * token is not part of it.
 */
typedef struct
{
  LecternPublishKind  kind;
  char               *repository;  /* GITHUB: OWNER/REPO */
  char               *branch;      /* GITHUB: "main" by default */
  char               *api_url;     /* GITHUB: NULL for github.com */
  char               *clone_dir;   /* CLONE */
} LecternPublishTarget;

#define LECTERN_TYPE_PUBLISH_TARGET (lectern_publish_target_get_type ())

GType                 lectern_publish_target_get_type     (void) G_GNUC_CONST;
LecternPublishTarget *lectern_publish_target_new          (LecternPublishKind          kind);
LecternPublishTarget *lectern_publish_target_copy         (const LecternPublishTarget *self);
void                  lectern_publish_target_free         (LecternPublishTarget       *self);
LecternPublishTarget *lectern_publish_target_from_variant (GVariant                   *variant);
GVariant             *lectern_publish_target_to_variant   (const LecternPublishTarget *self);
gboolean              lectern_publish_target_validate     (const LecternPublishTarget *self,
                                                           GError                    **error);
char                 *lectern_publish_target_describe     (const LecternPublishTarget *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternPublishTarget, lectern_publish_target_free)

G_END_DECLS
