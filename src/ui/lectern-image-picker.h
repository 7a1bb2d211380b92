/* lectern-image-picker.h: a photo or logo, as the site will crop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LECTERN_IMAGE_PICKER_ERROR (lectern_image_picker_error_quark ())

typedef enum
{
  LECTERN_IMAGE_PICKER_ERROR_NOT_AN_IMAGE,
  LECTERN_IMAGE_PICKER_ERROR_TOO_SMALL,
  LECTERN_IMAGE_PICKER_ERROR_UNREADABLE,
} LecternImagePickerError;

#define LECTERN_TYPE_IMAGE_PICKER (lectern_image_picker_get_type ())

G_DECLARE_FINAL_TYPE (LecternImagePicker, lectern_image_picker, LECTERN, IMAGE_PICKER, GtkWidget)

GQuark      lectern_image_picker_error_quark (void);

GBytes     *lectern_image_picker_get_image   (LecternImagePicker *self);
void        lectern_image_picker_set_image   (LecternImagePicker *self,
                                              GBytes             *image);
void        lectern_image_picker_set_text    (LecternImagePicker *self,
                                              const char         *text);
void        lectern_image_picker_set_labels  (LecternImagePicker *self,
                                              const char         *title,
                                              const char         *choose_label,
                                              const char         *remove_label,
                                              const char         *hint);
void        lectern_image_picker_set_min_size (LecternImagePicker *self,
                                               int                 min_size);
void        lectern_image_picker_set_editable (LecternImagePicker *self,
                                               gboolean            editable);
void        lectern_image_picker_load_file   (LecternImagePicker *self,
                                              GFile              *file);
void        lectern_image_picker_add_drop_target (LecternImagePicker *self,
                                                  GtkWidget          *area);
GdkPaintable *lectern_image_picker_get_preview (LecternImagePicker *self);

void        lectern_image_picker_focus       (LecternImagePicker *self);

G_END_DECLS
