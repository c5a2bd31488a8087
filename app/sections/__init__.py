"""The desks articles ran under (business, politics, sport…)."""
