"""The bottom layer: code every app may use and that uses no other app of the project (no models).

- `core.text`: Vietnamese text folding (tone marks, đ/Đ, case), the one implementation.
- `core.validators`: validators for Vietnamese data (phone numbers, citizen ID numbers).
"""
