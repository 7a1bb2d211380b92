/* lectern-site-image.h: photos and logos as the site gets them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

#define LECTERN_SITE_IMAGE_MIN_SIZE 400
#define LECTERN_SITE_IMAGE_MAX_SIZE 800

GdkPixbuf *lectern_site_image_load    (GBytes      *data,
                                       GError     **error);
GdkPixbuf *lectern_site_image_square  (GdkPixbuf   *pixbuf);
GBytes    *lectern_site_image_prepare (GBytes      *data,
                                       const char **extension,
                                       GError     **error);

G_END_DECLS
