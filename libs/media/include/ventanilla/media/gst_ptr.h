// Owning pointers for GStreamer and GLib handles. adopt() takes over a reference we were
// given (transfer full); addRef() takes a new one on a pointer we only borrow (transfer none).
#pragma once

#include <gst/gst.h>

#include <memory>

namespace ventanilla::media {

struct GstObjectUnref {
    void operator()(gpointer object) const { gst_object_unref(object); }
};
struct GstMiniObjectUnref {
    void operator()(gpointer object) const { gst_mini_object_unref(GST_MINI_OBJECT_CAST(object)); }
};
struct GstStructureFree {
    void operator()(GstStructure *structure) const { gst_structure_free(structure); }
};
struct GErrorFree {
    void operator()(GError *error) const { g_error_free(error); }
};
struct GFree {
    void operator()(gpointer memory) const { g_free(memory); }
};

template <typename T> using GstPtr = std::unique_ptr<T, GstObjectUnref>;
template <typename T> using GstMiniPtr = std::unique_ptr<T, GstMiniObjectUnref>;
using GstStructurePtr = std::unique_ptr<GstStructure, GstStructureFree>;
using GErrorPtr = std::unique_ptr<GError, GErrorFree>;
using GCharPtr = std::unique_ptr<gchar, GFree>;

// We were handed a reference (transfer full, or a floating ref we sank): own it.
template <typename T> GstPtr<T> adopt(T *object)
{
    return GstPtr<T>(object);
}

// We only borrow object (transfer none): take a reference of our own.
template <typename T> GstPtr<T> addRef(T *object)
{
    return GstPtr<T>(object ? static_cast<T *>(gst_object_ref(object)) : nullptr);
}

} // namespace ventanilla::media
