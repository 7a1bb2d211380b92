/* lectern-site-image.c
 *
 * A card renders its image about 250 px wide, and real photos are
 * square, so the site gets a square centre crop between 400 and 800 px,
 * as JPEG (or PNG when the image has transparency, as logos often do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site-image"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-site-image.h"

GdkPixbuf *
lectern_site_image_load (GBytes  *data,
                         GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (data);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE,
                   _("The file is not an image Lectern can read (%s)."),
                   local_error->message);
      return NULL;
    }

  /* Photos from phones carry their rotation in EXIF. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* The square the site will show: the centre of the image, scaled into
 * 400..800 px.
 */
GdkPixbuf *
lectern_site_image_square (GdkPixbuf *pixbuf)
{
  g_autoptr(GdkPixbuf) crop = NULL;
  int width, height, side, target;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  side = MIN (width, height);
  target = CLAMP (side, LECTERN_SITE_IMAGE_MIN_SIZE, LECTERN_SITE_IMAGE_MAX_SIZE);

  crop = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);

  return gdk_pixbuf_scale_simple (crop, target, target, GDK_INTERP_BILINEAR);
}

/* Turns an uploaded photo or logo into the bytes of the site's file.
 * extension is "jpg" or "png" (lowercase: the theme's image helper only
 * recognises lowercase extensions).
 */
GBytes *
lectern_site_image_prepare (GBytes      *data,
                            const char **extension,
                            GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) square = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  pixbuf = lectern_site_image_load (data, error);
  if (pixbuf == NULL)
    return NULL;

  square = lectern_site_image_square (pixbuf);

  if (gdk_pixbuf_get_has_alpha (square))
    {
      *extension = "png";
      ok = gdk_pixbuf_save_to_buffer (square, &buffer, &size, "png", error, NULL);
    }
  else
    {
      *extension = "jpg";
      ok = gdk_pixbuf_save_to_buffer (square, &buffer, &size, "jpeg", error,
                                      "quality", "90", NULL);
    }

  if (!ok)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}
