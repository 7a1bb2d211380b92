/* lectern-publish-message.h: a commit message that says what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-publish-result.h"

G_BEGIN_DECLS

/* @changes: LecternPublishChange each */
char *lectern_publish_message_build (GPtrArray *changes);

G_END_DECLS
