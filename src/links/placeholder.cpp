// Replaced by the link checker's sources.
namespace qbank::links {}
