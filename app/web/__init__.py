"""The Streamlit web UI (`optipilot ui`): a thin shell over the Python API, one module per page."""
