namespace qbank::exporters {}
