// office-addin-mock requires office-addin-manifest only for its OfficeApp enum; the real package
// pulls ESM-only dependencies that Jest 30 cannot load, so tests map it to this stub.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    Project: 'project',
    PowerPoint: 'powerpoint',
    Word: 'word',
  },
};
